package kz.senim.portal.admin;

import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** E-mails given up after a day of retries, for admins: ids, category, attempts and the error, no addresses. */
@Controller
class FailedDeliveries {

    private final GatewayApi api;
    private final CurrentViewer viewers;

    FailedDeliveries(GatewayApi api, CurrentViewer viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping("/admin/deliveries")
    String failed(@RequestParam(defaultValue = "0") int page, Model model) {
        if (!viewers.get().isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ApiAnswer failed =
                api.get("/api/notifications/failed-deliveries?page={page}&size=50", Math.max(0, Math.min(page, 10000)));
        model.addAttribute("deliveries", failed.content());
        model.addAttribute("page", failed.map());
        return "admin/deliveries";
    }
}
