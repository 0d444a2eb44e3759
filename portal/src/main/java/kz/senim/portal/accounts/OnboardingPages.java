package kz.senim.portal.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The district admin's view of a rollout: every school with its onboarding progress by role (accounts made,
 * first sign-ins done), and the form that creates a school's admin — which only the district admin may do.
 */
@Controller
@RequestMapping("/admin")
class OnboardingPages {

    /** The roles in the order the table shows them. */
    static final List<String> ROLES = List.of("student", "parent", "teacher", "coordinator", "admin");

    static final List<String> ADMIN_FIELDS = List.of("externalId", "givenName", "familyName", "email", "language");

    private final GatewayApi api;
    private final CurrentViewer viewers;

    OnboardingPages(GatewayApi api, CurrentViewer viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping("/onboarding")
    String progress(@RequestParam(defaultValue = "0") int page, Model model) {
        requireDistrictAdmin();
        ApiAnswer schools = api.get("/api/schools?page={page}&size=20&sort=id", Math.max(0, Math.min(page, 10000)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> school : schools.content()) {
            Map<String, Object> progress = api.get("/api/schools/{id}/accounts/progress", school.get("id"))
                    .map();
            Map<String, Object> row = new LinkedHashMap<>(school);
            row.put("progress", progress);
            long accounts = 0;
            long signedIn = 0;
            for (Object counts : progress.values()) {
                if (counts instanceof Map<?, ?> c) {
                    accounts += number(c.get("accounts"));
                    signedIn += number(c.get("signedIn"));
                }
            }
            row.put("accounts", accounts);
            row.put("signedIn", signedIn);
            rows.add(row);
        }
        model.addAttribute("schools", rows);
        model.addAttribute("roles", ROLES);
        model.addAttribute("page", schools.map());
        return "accounts/onboarding";
    }

    @GetMapping("/schools/{schoolId}/admins/new")
    String adminForm(@PathVariable String schoolId, Model model) {
        requireDistrictAdmin();
        Map<String, String> admin = new LinkedHashMap<>();
        ADMIN_FIELDS.forEach(field -> admin.put(field, ""));
        admin.put("language", "kk");
        model.addAttribute("admin", admin);
        model.addAttribute("schoolId", schoolId);
        return "accounts/admin-form";
    }

    @PostMapping("/schools/{schoolId}/admins")
    String createAdmin(
            @PathVariable String schoolId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        requireDistrictAdmin();
        Map<String, String> typed = new LinkedHashMap<>();
        ADMIN_FIELDS.forEach(
                field -> typed.put(field, form.getOrDefault(field, "").strip()));
        Map<String, Object> body = new LinkedHashMap<>(typed);
        body.put("role", "admin");
        body.put("email", typed.get("email").isEmpty() ? null : typed.get("email"));
        ApiAnswer created;
        try {
            created = api.post("/api/schools/{id}/accounts", body, schoolId);
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
            model.addAttribute("errors", errors);
            if (errors.isEmpty() || !ADMIN_FIELDS.containsAll(errors.keySet())) {
                model.addAttribute("formError", refused.detail());
            }
            model.addAttribute("admin", typed);
            model.addAttribute("schoolId", schoolId);
            return "accounts/admin-form";
        }
        redirect.addFlashAttribute("createdUsername", created.text("username"));
        redirect.addFlashAttribute("createdWithEmail", body.get("email") != null);
        return "redirect:/admin/schools/" + schoolId + "/accounts";
    }

    private void requireDistrictAdmin() {
        if (!viewers.get().isDistrictAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
