package kz.senim.portal.club;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's people directory for coordinators and admins: the list by role, a CSV import (forwarded
 * to the API as text/csv, every row's problem listed), and adding or editing one person.
 */
@Controller
class PeopleController {

    static final long MAX_IMPORT_BYTES = 2L * 1024 * 1024;
    static final List<String> ROLES = List.of("student", "teacher", "parent", "coordinator", "admin");
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final MessageSource messages;

    PeopleController(GatewayApi api, CurrentViewer viewers, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping("/club/people")
    String people(
            @RequestParam(required = false) String role, @RequestParam(defaultValue = "0") int page, Model model) {
        viewers.get();
        list(role, page, model);
        return "club/people";
    }

    @PostMapping("/club/people/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        viewers.get();
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", message("club.people.import.empty"));
            list(null, 0, model);
            return "club/people";
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            model.addAttribute("importError", message("club.people.import.tooLarge"));
            list(null, 0, model);
            return "club/people";
        }
        try {
            var report = api.send(HttpMethod.POST, "/api/people/imports", file.getBytes(), CSV);
            redirect.addFlashAttribute("importReport", report.map());
            redirect.addFlashAttribute("done", "club.people.import.done");
            return "redirect:/club/people";
        } catch (ApiProblem problem) {
            if (!Refusals.isAboutTheForm(problem)) {
                throw problem;
            }
            if (problem.hasFieldErrors()) {
                List<Map.Entry<String, String>> rows =
                        new ArrayList<>(problem.fieldErrors().entrySet());
                model.addAttribute("importErrors", rows);
            } else {
                model.addAttribute("importError", Refusals.explain(problem, messages));
            }
            list(null, 0, model);
            return "club/people";
        }
    }

    @GetMapping("/club/people/new")
    String newPerson(Model model) {
        viewers.get();
        Map<String, Object> values = new HashMap<>();
        values.put("role", "student");
        values.put("language", "kk");
        values.put("idempotencyKey", UUID.randomUUID().toString());
        form(model, values, true);
        return "club/person";
    }

    @PostMapping("/club/people")
    String add(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        viewers.get();
        Map<String, Object> body = body(params);
        body.put("userId", params.getOrDefault("userId", "").strip());
        try {
            api.create("/api/people", body, params.get("idempotencyKey"));
            redirect.addFlashAttribute("done", "club.person.added");
            return "redirect:/club/people";
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            form(model, new HashMap<>(params), true);
            return "club/person";
        }
    }

    @GetMapping("/club/people/{userId}")
    String edit(@PathVariable String userId, Model model) {
        viewers.get();
        var answer = api.get("/api/people/{id}", userId);
        Map<String, Object> values = new HashMap<>(answer.map());
        Object guardianOf = values.get("guardianOf");
        values.put(
                "guardianOf",
                guardianOf instanceof List<?> ids
                        ? String.join(" ", ids.stream().map(String::valueOf).toList())
                        : "");
        values.put("etag", answer.etag());
        form(model, values, false);
        return "club/person";
    }

    @PostMapping("/club/people/{userId}")
    String update(
            @PathVariable String userId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        viewers.get();
        try {
            api.putIfMatch("/api/people/{id}", body(params), params.get("etag"), userId);
            redirect.addFlashAttribute("done", "club.person.saved");
            return "redirect:/club/people";
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            Map<String, Object> values = new HashMap<>(params);
            values.put("userId", userId);
            if (problem.status() == 412) {
                values.put("etag", api.get("/api/people/{id}", userId).etag());
            }
            form(model, values, false);
            return "club/person";
        }
    }

    private void list(String role, int page, Model model) {
        String chosen = role != null && ROLES.contains(role) ? role : null;
        var answer = chosen == null
                ? api.get("/api/people?page={page}&size=50", Math.max(page, 0))
                : api.get("/api/people?role={role}&page={page}&size=50", chosen, Math.max(page, 0));
        model.addAttribute("people", answer.content());
        model.addAttribute("role", chosen);
        model.addAttribute("roles", ROLES);
        model.addAttribute("page", answer.map().get("page"));
        model.addAttribute("totalPages", answer.map().get("totalPages"));
    }

    private static void form(Model model, Map<String, Object> values, boolean creating) {
        model.addAttribute("values", values);
        model.addAttribute("creating", creating);
        model.addAttribute("roles", ROLES);
        model.addAttribute("languages", LANGUAGES);
    }

    private static Map<String, Object> body(Map<String, String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", params.getOrDefault("role", ""));
        String grade = params.getOrDefault("grade", "").strip();
        body.put("grade", grade.isEmpty() ? null : grade);
        String letter = params.getOrDefault("classLetter", "").strip();
        body.put("classLetter", letter.isEmpty() ? null : letter);
        body.put(
                "guardianOf",
                Arrays.stream(params.getOrDefault("guardianOf", "").split("[\\s,;]+"))
                        .filter(id -> !id.isBlank())
                        .toList());
        body.put("language", params.getOrDefault("language", "kk"));
        body.put("givenName", params.getOrDefault("givenName", "").strip());
        body.put("familyName", params.getOrDefault("familyName", "").strip());
        return body;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
