package kz.senim.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.platform.openapi.Anonymous;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** The caller's e-mail choices per category; essential categories are always mailed. */
@Tag(name = "Preferences", description = "The caller's e-mail choices per category, and one-click unsubscribe.")
@RestController
class PreferenceController {

    private final EmailPreferences preferences;

    PreferenceController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    record CategoryPreference(Category category, boolean essential, boolean email) {}

    record Preferences(List<CategoryPreference> categories) {}

    /** {@code {"email": {"ACTIVITIES": false}}}: the categories to change, others stay as they are. */
    record PreferenceChange(Map<String, Boolean> email) {}

    @Operation(operationId = "getPreferences", summary = "Read the caller's e-mail preferences")
    @GetMapping("/api/notifications/preferences")
    ResponseEntity<Preferences> preferences(CurrentUser user) {
        return answer(preferences.mailed(user));
    }

    /** Changes the named categories; a stale {@code If-Match} (if sent) answers 412. */
    @Operation(operationId = "changePreferences", summary = "Switch e-mail categories on or off")
    @PutMapping("/api/notifications/preferences")
    ResponseEntity<Preferences> change(
            CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PreferenceChange change) {
        return answer(preferences.change(user, ifMatch, change == null ? null : change.email()));
    }

    private static ResponseEntity<Preferences> answer(Map<Category, Boolean> mailed) {
        Preferences view = new Preferences(mailed.entrySet().stream()
                .map(e -> new CategoryPreference(e.getKey(), e.getKey().essential(), e.getValue()))
                .toList());
        return ResponseEntity.ok().eTag(EmailPreferences.etag(mailed)).body(view);
    }

    /**
     * The page a reader reaches by clicking the link: it only asks for confirmation, since mail
     * scanners follow links (RFC 8058 leaves the change to the POST).
     */
    @Operation(operationId = "confirmUnsubscribe", summary = "Show the page that confirms an e-mail's unsubscribe link")
    @Anonymous
    @ApiResponse(responseCode = "200", description = "The page asking to confirm", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "The token is not valid, or names an essential category")
    @GetMapping(value = "/api/notifications/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    String confirmUnsubscribe(@RequestParam(required = false) String token) {
        preferences.requireUnsubscribable(token);
        String action = "?token=" + HtmlUtils.htmlEscape(UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8));
        return """
                <!DOCTYPE html><html><head><meta charset="UTF-8"><title>Senim</title></head><body>
                <form method="post" action="%s">
                <p lang="kk">Мұндай хаттарды енді алмау үшін растаңыз.</p>
                <p lang="ru">Подтвердите, что больше не хотите получать такие письма.</p>
                <p lang="en">Confirm that you no longer want e-mails of this kind.</p>
                <button type="submit">Растау / Подтвердить / Confirm</button>
                </form></body></html>
                """.formatted(action);
    }

    /** One-click unsubscribe (RFC 8058) from a mail's {@code List-Unsubscribe} link; no sign-in. */
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe with an e-mail's signed link (one click)")
    @Anonymous
    @ApiResponse(responseCode = "204", description = "Done")
    @ApiResponse(responseCode = "404", description = "The token is not valid, or names an essential category")
    @PostMapping("/api/notifications/unsubscribe")
    ResponseEntity<Void> unsubscribe(@RequestParam(required = false) String token) {
        preferences.unsubscribe(token);
        return ResponseEntity.noContent().build();
    }
}
