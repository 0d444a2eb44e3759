package kz.senim.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.web.PreconditionFailed;
import kz.senim.platform.openapi.Anonymous;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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

    private final PreferenceRepository preferences;
    private final UnsubscribeTokens tokens;

    PreferenceController(PreferenceRepository preferences, UnsubscribeTokens tokens) {
        this.preferences = preferences;
        this.tokens = tokens;
    }

    record CategoryPreference(Category category, boolean essential, boolean email) {}

    record Preferences(List<CategoryPreference> categories) {}

    /** {@code {"email": {"ACTIVITIES": false}}}: the categories to change, others stay as they are. */
    record PreferenceChange(Map<String, Boolean> email) {}

    @Operation(operationId = "getPreferences", summary = "Read the caller's e-mail preferences")
    @GetMapping("/api/notifications/preferences")
    ResponseEntity<Preferences> preferences(CurrentUser user) {
        Preferences current = current(user);
        return ResponseEntity.ok().eTag(etag(current)).body(current);
    }

    /** Changes the named categories; a stale {@code If-Match} (if sent) answers 412. */
    @Operation(operationId = "changePreferences", summary = "Switch e-mail categories on or off")
    @PutMapping("/api/notifications/preferences")
    @Transactional
    ResponseEntity<Preferences> change(
            CurrentUser user,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PreferenceChange change) {
        if (ifMatch != null && !ifMatch.equals(etag(current(user)))) {
            throw new PreconditionFailed();
        }
        PreferenceChanges.check(change == null ? null : change.email())
                .forEach((category, email) -> preferences.choose(user.id(), category, email));
        return preferences(user);
    }

    private Preferences current(CurrentUser user) {
        Map<Category, Boolean> choices = preferences.choices(user.id());
        return new Preferences(Arrays.stream(Category.values())
                .map(c -> new CategoryPreference(c, c.essential(), c.mailed(choices.get(c))))
                .toList());
    }

    /** The version of the caller's choices: a digest of what is switched off. */
    private static String etag(Preferences current) {
        String off = current.categories().stream()
                .filter(c -> !c.email())
                .map(c -> c.category().name() + ";")
                .reduce("", String::concat);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(off.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        tokens.read(token)
                .filter(s -> !s.category().essential())
                .orElseThrow(() -> new ResourceNotFound("subscription"));
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
    @Transactional
    ResponseEntity<Void> unsubscribe(@RequestParam(required = false) String token) {
        UnsubscribeTokens.Subscription subscription = tokens.read(token)
                .filter(s -> !s.category().essential())
                .orElseThrow(() -> new ResourceNotFound("subscription"));
        preferences.choose(subscription.userId(), subscription.category(), false);
        return ResponseEntity.noContent().build();
    }
}
