package kz.senim.portal.notifications;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * E-mail on or off per category. Essential categories (work to do, decisions about oneself) are shown but
 * always mailed. The form carries the version it was read at, so a change made meanwhile (another tab, an
 * unsubscribe link) is not overwritten unseen.
 */
@Controller
class NotificationPreferences {

    private final GatewayApi api;
    private final MessageSource messages;

    NotificationPreferences(GatewayApi api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/notifications/preferences")
    String preferences(Model model) {
        ApiAnswer current = api.get("/api/notifications/preferences");
        model.addAttribute("categories", current.map().getOrDefault("categories", List.of()));
        model.addAttribute("etag", current.etag());
        return "notifications/preferences";
    }

    @PostMapping("/notifications/preferences")
    String change(
            @RequestParam(defaultValue = "") String etag,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        ApiAnswer current = api.get("/api/notifications/preferences");
        Map<String, Boolean> email = new LinkedHashMap<>();
        for (Object entry : (List<?>) current.map().getOrDefault("categories", List.of())) {
            if (entry instanceof Map<?, ?> category && !Boolean.TRUE.equals(category.get("essential"))) {
                String name = String.valueOf(category.get("category"));
                email.put(name, request.getParameter("email." + name) != null);
            }
        }
        try {
            api.putIfMatch("/api/notifications/preferences", Map.of("email", email), etag.isBlank() ? null : etag);
        } catch (ApiProblem refused) {
            if (refused.status() == 412) {
                model.addAttribute(
                        "formError",
                        messages.getMessage("notifications.preferences.stale", null, LocaleContextHolder.getLocale()));
                return preferences(model);
            }
            if (refused.hasFieldErrors()) {
                model.addAttribute(
                        "formError", String.join(" ", refused.fieldErrors().values()));
                return preferences(model);
            }
            throw refused;
        }
        flash.addFlashAttribute("done", "notifications.preferences.saved");
        return "redirect:/notifications/preferences";
    }
}
