package kz.senim.portal.notifications;

import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The unread count next to "Notifications" in every signed-in page's header, loaded by htmx. */
@Controller
class NotificationBadge {

    private final GatewayApi api;

    NotificationBadge(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/notifications/badge")
    String badge(Model model) {
        long unread;
        try {
            unread = ((Number) api.get("/api/notifications/unread-count").map().getOrDefault("unread", 0)).longValue();
        } catch (ApiProblem | ClassCastException unavailable) {
            unread = 0;
        }
        model.addAttribute("unread", unread);
        return "notifications/badge :: badge";
    }
}
