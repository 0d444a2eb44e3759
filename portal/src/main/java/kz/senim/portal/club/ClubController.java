package kz.senim.portal.club;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.SchoolTimes;
import kz.senim.portal.web.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The club for a student (the club in a line, their membership or open application, applying and
 * withdrawing) and applications for coordinators (interview, acceptance, rejection). The applicant sees
 * their own application at the same path as the coordinators; anyone else gets the API's 404.
 */
@Controller
@RequestMapping("/club")
class ClubController {

    static final Set<String> OPEN = Set.of("SUBMITTED", "INTERVIEW_SCHEDULED", "WAITLISTED");
    static final List<String> STATUSES =
            List.of("SUBMITTED", "INTERVIEW_SCHEDULED", "WAITLISTED", "ACCEPTED", "REJECTED", "WITHDRAWN");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final SchoolTimes times;
    private final PeopleNames names;
    private final MessageSource messages;

    ClubController(
            GatewayApi api, CurrentViewer viewers, SchoolTimes times, PeopleNames names, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.times = times;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping
    String club(Model model) {
        Viewer viewer = viewers.get();
        if (viewer.schoolId() == null) {
            throw new ApiProblem(404, null, null, null, Map.of());
        }
        model.addAttribute(
                "club",
                optional(() ->
                        api.get("/api/schools/{id}/club", viewer.schoolId()).map()));
        if (viewer.isStudent()) {
            model.addAttribute(
                    "member",
                    optional(() -> api.get("/api/membership/members/{id}", viewer.userId())
                            .map()));
            List<Map<String, Object>> mine = api.get(
                            "/api/membership/applications?size={size}&sort={sort}", 20, "submittedAt,desc")
                    .content();
            Map<String, Object> shown = mine.stream()
                    .filter(a -> OPEN.contains(String.valueOf(a.get("status"))))
                    .findFirst()
                    .orElse(mine.isEmpty() ? null : mine.get(0));
            model.addAttribute("applicationView", shown);
            model.addAttribute("applicationOpen", shown != null && OPEN.contains(String.valueOf(shown.get("status"))));
        }
        return "club/home";
    }

    @GetMapping("/apply")
    String applyForm(Model model) {
        viewers.get();
        model.addAttribute("form", Map.of("idempotencyKey", UUID.randomUUID().toString()));
        return "club/apply";
    }

    @PostMapping("/apply")
    String apply(
            @RequestParam(defaultValue = "") String motivation,
            @RequestParam(defaultValue = "") String availability,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        viewers.get();
        try {
            var created = api.create(
                    "/api/membership/applications",
                    Map.of("motivation", motivation, "availability", availability),
                    idempotencyKey);
            redirect.addFlashAttribute("done", "club.apply.done");
            return "redirect:/club/applications/" + created.text("id");
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            Map<String, Object> form = new HashMap<>();
            form.put("motivation", motivation);
            form.put("availability", availability);
            form.put(
                    "idempotencyKey",
                    problem.status() == 409 ? UUID.randomUUID().toString() : idempotencyKey);
            model.addAttribute("form", form);
            return "club/apply";
        }
    }

    @GetMapping("/applications")
    String applications(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = viewers.get();
        String filter = status != null && STATUSES.contains(status) ? status : null;
        var answer = filter == null
                ? api.get("/api/membership/applications?page={page}&size=50", Math.max(page, 0))
                : api.get(
                        "/api/membership/applications?status={status}&page={page}&size=50", filter, Math.max(page, 0));
        List<Map<String, Object>> list = answer.content();
        model.addAttribute("applications", list);
        model.addAttribute(
                "names",
                names.of(
                        viewer,
                        list.stream()
                                .map(a -> String.valueOf(a.get("applicantId")))
                                .toList()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", filter);
        model.addAttribute("page", answer.map().get("page"));
        model.addAttribute("totalPages", answer.map().get("totalPages"));
        return "club/applications";
    }

    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, Model model) {
        show(id, model);
        return "club/application";
    }

    @PostMapping("/applications/{id}/interview")
    String interview(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String at,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String interviewerId,
            Model model,
            RedirectAttributes redirect) {
        viewers.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", times.toIso(at));
        body.put("place", place);
        body.put("interviewerId", interviewerId.isBlank() ? null : interviewerId);
        try {
            api.post("/api/membership/applications/{id}/interview", body, id);
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            show(id, model);
            model.addAttribute("interviewForm", Map.of("at", at, "place", place, "interviewerId", interviewerId));
            return "club/application";
        }
        redirect.addFlashAttribute("done", "club.interview.done");
        return "redirect:/club/applications/" + id;
    }

    @PostMapping("/applications/{id}/acceptance")
    String accept(@PathVariable UUID id, RedirectAttributes redirect) {
        return command(id, "/api/membership/applications/{id}/acceptance", null, "club.accept.done", redirect);
    }

    @PostMapping("/applications/{id}/rejection")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post("/api/membership/applications/{id}/rejection", Map.of("reason", reason), id);
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            show(id, model);
            model.addAttribute("rejectForm", Map.of("reason", reason));
            return "club/application";
        }
        redirect.addFlashAttribute("done", "club.reject.done");
        return "redirect:/club/applications/" + id;
    }

    @PostMapping("/applications/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        return command(id, "/api/membership/applications/{id}/withdrawal", null, "club.withdraw.done", redirect);
    }

    private String command(UUID id, String path, Object body, String done, RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post(path, body, id);
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/club/applications/" + id;
    }

    private void show(UUID id, Model model) {
        Viewer viewer = viewers.get();
        Map<String, Object> application =
                api.get("/api/membership/applications/{id}", id).map();
        String applicantId = String.valueOf(application.get("applicantId"));
        boolean own = viewer.userId().equals(applicantId);
        boolean decides = viewer.isCoordinator() && !own;
        model.addAttribute("applicationView", application);
        model.addAttribute("own", own);
        model.addAttribute("decides", decides);
        model.addAttribute("open", OPEN.contains(String.valueOf(application.get("status"))));
        if (decides) {
            Map<String, String> coordinators = names.withRole(viewer, "coordinator");
            model.addAttribute("coordinators", coordinators);
            Map<String, String> known = new LinkedHashMap<>(coordinators);
            known.putAll(names.of(viewer, List.of(applicantId)));
            model.addAttribute("names", known);
            @SuppressWarnings("unchecked")
            Map<String, Object> interview =
                    application.get("interview") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> form = new HashMap<>();
            form.put("at", localOf(interview.get("at")));
            form.put("place", interview.getOrDefault("place", ""));
            form.put("interviewerId", interview.getOrDefault("interviewerId", viewer.userId()));
            model.addAttribute("interviewForm", form);
        } else {
            model.addAttribute("names", Map.of());
        }
        if (!model.containsAttribute("rejectForm")) {
            model.addAttribute("rejectForm", Map.of("reason", ""));
        }
    }

    /** An ISO time as the school's wall clock for a datetime-local field. */
    private String localOf(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(String.valueOf(iso));
            java.time.ZoneId zone = Optional.ofNullable(times.zone()).orElse(java.time.ZoneId.of("Asia/Almaty"));
            return at.atZoneSameInstant(zone)
                    .toLocalDateTime()
                    .withSecond(0)
                    .withNano(0)
                    .toString();
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
    }

    private static Map<String, Object> optional(java.util.function.Supplier<Map<String, Object>> call) {
        try {
            return call.get();
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }
}
