package kz.senim.portal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.Viewer;
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
 * Schools as admins keep them: a district admin sees and registers every school, a school's admin edits
 * their own. The API decides who may do what; the portal offers only what the viewer's role allows.
 */
@Controller
@RequestMapping("/admin/schools")
class SchoolAdmin {

    static final List<String> FIELDS = List.of(
            "id",
            "names.kk",
            "names.ru",
            "names.en",
            "city",
            "region",
            "timeZone",
            "defaultLanguage",
            "yearStartMonth");

    private final GatewayApi api;
    private final CurrentViewer viewers;

    SchoolAdmin(GatewayApi api, CurrentViewer viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping
    String schools(@RequestParam(defaultValue = "0") int page, Model model) {
        requireAdmin();
        ApiAnswer schools = api.get("/api/schools?page={page}&size=50&sort=id", Math.max(0, Math.min(page, 10000)));
        model.addAttribute("schools", schools.content());
        model.addAttribute("page", schools.map());
        return "admin/schools";
    }

    @GetMapping("/new")
    String registerForm(Model model) {
        requireDistrictAdmin();
        if (!model.containsAttribute("school")) {
            model.addAttribute("school", defaults());
        }
        model.addAttribute("editing", false);
        return "admin/school-form";
    }

    @PostMapping
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        requireDistrictAdmin();
        Map<String, String> typed = typed(form);
        try {
            api.post("/api/schools", body(typed));
        } catch (ApiProblem refused) {
            return refusedForm(refused, typed, false, model);
        }
        flash.addFlashAttribute("done", "admin.schools.registered");
        return "redirect:/admin/schools";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        requireAdmin();
        ApiAnswer school = api.get("/api/schools/{id}", id);
        Map<String, Object> names = school.map().get("names") instanceof Map<?, ?> n ? cast(n) : Map.of();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("id", school.text("id"));
        shown.put("names.kk", text(names.get("kk")));
        shown.put("names.ru", text(names.get("ru")));
        shown.put("names.en", text(names.get("en")));
        shown.put("city", school.text("city"));
        shown.put("region", school.text("region"));
        shown.put("timeZone", school.text("timeZone"));
        shown.put("defaultLanguage", school.text("defaultLanguage"));
        shown.put("yearStartMonth", school.text("yearStartMonth"));
        model.addAttribute("school", shown);
        model.addAttribute("etag", school.etag());
        model.addAttribute("editing", true);
        return "admin/school-form";
    }

    @PostMapping("/{id}")
    String edit(
            @PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        requireAdmin();
        Map<String, String> typed = typed(form);
        typed.put("id", id);
        try {
            api.putIfMatch("/api/schools/{id}", body(typed), blankToNull(form.get("etag")), id);
        } catch (ApiProblem refused) {
            model.addAttribute("etag", form.get("etag"));
            return refusedForm(refused, typed, true, model);
        }
        flash.addFlashAttribute("done", "admin.schools.saved");
        return "redirect:/admin/schools";
    }

    private String refusedForm(ApiProblem refused, Map<String, String> typed, boolean editing, Model model) {
        if (refused.status() == 404 || refused.status() == 403 || refused.status() >= 500) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors()
                .forEach((field, message) -> errors.merge(
                        "knownTimeZone".equals(field) ? "timeZone" : field, message, (a, b) -> a + " " + b));
        model.addAttribute("errors", errors);
        if (refused.status() == 412) {
            model.addAttribute("staleVersion", true);
        } else if (errors.isEmpty() || !FIELDS.containsAll(errors.keySet())) {
            model.addAttribute("formError", refused.detail());
        }
        model.addAttribute("school", typed);
        model.addAttribute("editing", editing);
        return "admin/school-form";
    }

    private static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.get(field);
            typed.put(field, value == null ? "" : value.strip());
        }
        return typed;
    }

    private static Map<String, Object> body(Map<String, String> typed) {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("kk", typed.get("names.kk"));
        names.put("ru", typed.get("names.ru"));
        names.put("en", typed.get("names.en"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", typed.get("id"));
        body.put("names", names);
        body.put("city", typed.get("city"));
        body.put("region", typed.get("region"));
        body.put("timeZone", blankToNull(typed.get("timeZone")));
        body.put("defaultLanguage", blankToNull(typed.get("defaultLanguage")));
        String month = typed.get("yearStartMonth");
        body.put("yearStartMonth", month == null || !month.matches("\\d{1,2}") ? null : Integer.valueOf(month));
        return body;
    }

    private static Map<String, String> defaults() {
        Map<String, String> school = new LinkedHashMap<>();
        FIELDS.forEach(f -> school.put(f, ""));
        school.put("timeZone", "Asia/Almaty");
        school.put("defaultLanguage", "kk");
        school.put("yearStartMonth", "9");
        return school;
    }

    private Viewer requireAdmin() {
        Viewer viewer = viewers.get();
        if (!viewer.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return viewer;
    }

    private void requireDistrictAdmin() {
        if (!requireAdmin().isDistrictAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
