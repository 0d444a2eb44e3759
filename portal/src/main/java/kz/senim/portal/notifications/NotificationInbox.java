package kz.senim.portal.notifications;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.GatewayApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own notifications: unread first, each leading to its page in the portal. */
@Controller
class NotificationInbox {

    private static final int PAGE_SIZE = 20;

    private final GatewayApi api;

    NotificationInbox(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        ApiAnswer answer =
                api.get("/api/notifications?page={page}&size={size}", Math.max(0, Math.min(page, 10000)), PAGE_SIZE);
        List<Map<String, Object>> items = answer.content().stream()
                .map(item -> {
                    Map<String, Object> shown = new LinkedHashMap<>(item);
                    shown.put("path", portalPath(item.get("link")));
                    return (Map<String, Object>) shown;
                })
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("page", answer.map());
        model.addAttribute("unread", items.stream().anyMatch(i -> !Boolean.TRUE.equals(i.get("read"))));
        return "notifications/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        api.post("/api/notifications/{id}/read", null, id);
        flash.addFlashAttribute("done", "notifications.markedRead");
        return "redirect:/notifications" + (page > 0 ? "?page=" + page : "");
    }

    /** Marks the notification read and opens its page. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id, @RequestParam(defaultValue = "") String path) {
        api.post("/api/notifications/{id}/read", null, id);
        String target = path.startsWith("/") && !path.startsWith("//") ? portalPath(path) : null;
        return "redirect:" + (target == null ? "/notifications" : target);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(RedirectAttributes flash) {
        api.post("/api/notifications/read-all", null);
        flash.addFlashAttribute("done", "notifications.markedAllRead");
        return "redirect:/notifications";
    }

    /**
     * The portal path of a notification's link: the service writes the portal's public address in front of
     * it (for e-mail), and only a path of this portal is ever followed (never another host).
     */
    static String portalPath(Object link) {
        if (!(link instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(text.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || !path.matches("[A-Za-z0-9/._~%-]+")) {
                return null;
            }
            return path;
        } catch (IllegalArgumentException notALink) {
            return null;
        }
    }
}
