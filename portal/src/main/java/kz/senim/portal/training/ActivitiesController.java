package kz.senim.portal.training;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.club.Refusals;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.SchoolTimes;
import kz.senim.portal.web.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's calendar of activities, what is open to the viewer (register, cancel), an activity's
 * details, and for its facilitators and the coordinators the roster and the attendance sheet;
 * coordinators create, cancel and complete activities.
 */
@Controller
@RequestMapping("/training/activities")
class ActivitiesController {

    static final List<String> TYPES = List.of(
            "CLUB_MEETING",
            "TRAINING",
            "MASTER_CLASS",
            "SIMULATION",
            "PEER_LESSON",
            "PARENT_SESSION",
            "TEACHER_SESSION",
            "EXPERIENCE_EXCHANGE",
            "ADAPTATION_SUPPORT");
    static final List<String> GROUPS = List.of("STUDENTS", "MEDIATORS", "TEACHERS", "PARENTS", "COORDINATORS");
    static final List<String> MODULES = List.of(
            "FOUNDATIONS_AND_PRINCIPLES",
            "ACTIVE_LISTENING",
            "I_MESSAGES",
            "MEDIATION_PROCEDURE",
            "WRITING_AN_AGREEMENT",
            "CO_MEDIATION_SIMULATIONS");
    static final List<String> MARKS = List.of("PRESENT", "ABSENT", "EXCUSED");
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final SchoolTimes times;
    private final PeopleNames names;
    private final MessageSource messages;

    ActivitiesController(
            GatewayApi api, CurrentViewer viewers, SchoolTimes times, PeopleNames names, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.times = times;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping
    String calendar(@RequestParam(required = false) String month, Model model) {
        Viewer viewer = viewers.get();
        YearMonth shown = parseMonth(month).orElseGet(() -> YearMonth.now(zone()));
        List<Map<String, Object>> activities = api.get(
                        "/api/activities?from={from}&to={to}&size=200&sort=startsAt,asc",
                        shown.atDay(1).toString(),
                        shown.atEndOfMonth().toString())
                .content();
        List<Map<String, Object>> openToMe = new ArrayList<>(activities.stream()
                .filter(a -> {
                    Map<String, Object> mine = forCaller(a);
                    return Boolean.TRUE.equals(mine.get("mayRegister"))
                            || "REGISTERED".equals(mine.get("registration"))
                            || "WAITLISTED".equals(mine.get("registration"));
                })
                .toList());
        Set<String> firstTypes = firstTypesFor(viewer);
        openToMe.sort(Comparator.comparing(
                (Map<String, Object> a) -> firstTypes.contains(String.valueOf(a.get("type"))) ? 0 : 1));
        model.addAttribute("activities", activities);
        model.addAttribute("openToMe", openToMe);
        model.addAttribute("month", shown.toString());
        model.addAttribute("previousMonth", shown.minusMonths(1).toString());
        model.addAttribute("nextMonth", shown.plusMonths(1).toString());
        model.addAttribute("monthLabel", monthLabel(shown));
        return "training/activities";
    }

    @GetMapping("/new")
    String newActivity(Model model) {
        Viewer viewer = viewers.get();
        Map<String, Object> values = new HashMap<>();
        values.put("type", "TRAINING");
        values.put("language", "kk");
        values.put("groups", List.of("STUDENTS"));
        values.put("facilitators", List.of(viewer.userId()));
        values.put("modules", List.of());
        values.put("openForRegistration", true);
        values.put("idempotencyKey", UUID.randomUUID().toString());
        form(viewer, model, values);
        return "training/activity-new";
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Viewer viewer = viewers.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", params.getFirst("type"));
        body.put("title", params.getFirst("title"));
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("groups", params.getOrDefault("groups", List.of()));
        audience.put("gradeFrom", blankToNull(params.getFirst("gradeFrom")));
        audience.put("gradeTo", blankToNull(params.getFirst("gradeTo")));
        body.put("audience", audience);
        body.put("facilitators", params.getOrDefault("facilitators", List.of()));
        body.put("startsAt", times.toIso(params.getFirst("startsAt")));
        body.put("endsAt", times.toIso(params.getFirst("endsAt")));
        body.put("place", params.getFirst("place"));
        body.put("capacity", blankToNull(params.getFirst("capacity")));
        body.put("language", params.getFirst("language"));
        body.put("openForRegistration", params.containsKey("openForRegistration"));
        body.put("modules", params.getOrDefault("modules", List.of()));
        String frequency = blankToNull(params.getFirst("repeatFrequency"));
        if (frequency != null) {
            body.put(
                    "repeat",
                    Map.of(
                            "frequency",
                            frequency,
                            "occurrences",
                            Optional.ofNullable(blankToNull(params.getFirst("repeatOccurrences")))
                                    .orElse("")));
        }
        try {
            var created = api.create("/api/activities", body, params.getFirst("idempotencyKey"));
            redirect.addFlashAttribute("done", "training.activity.created");
            return "redirect:/training/activities/" + created.text("id");
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            Map<String, Object> values = new HashMap<>(params.toSingleValueMap());
            values.put("groups", params.getOrDefault("groups", List.of()));
            values.put("facilitators", params.getOrDefault("facilitators", List.of()));
            values.put("modules", params.getOrDefault("modules", List.of()));
            values.put("openForRegistration", params.containsKey("openForRegistration"));
            form(viewer, model, values);
            return "training/activity-new";
        }
    }

    @GetMapping("/{id}")
    String activity(@PathVariable UUID id, Model model) {
        Viewer viewer = viewers.get();
        var answer = api.get("/api/activities/{id}", id);
        Map<String, Object> activity = answer.map();
        Map<String, Object> mine = forCaller(activity);
        boolean staff = viewer.isCoordinator() || viewer.isAdmin();
        boolean runs = Boolean.TRUE.equals(mine.get("facilitating"));
        model.addAttribute("activity", activity);
        model.addAttribute("mine", mine);
        model.addAttribute("runs", runs);
        model.addAttribute("staff", staff);
        List<String> facilitators = strings(activity.get("facilitators"));
        Map<String, String> known = new LinkedHashMap<>(names.of(viewer, facilitators));
        if (runs || staff) {
            List<Map<String, Object>> roster =
                    listOf(api.get("/api/activities/{id}/registrations", id).body());
            Map<String, Object> sheet =
                    api.get("/api/activities/{id}/attendance", id).map();
            known.putAll(names.of(
                    viewer,
                    roster.stream().map(r -> String.valueOf(r.get("userId"))).toList()));
            List<Map<String, Object>> registered = roster.stream()
                    .filter(r -> !"CANCELLED".equals(r.get("status")))
                    .toList();
            model.addAttribute("roster", registered);
            @SuppressWarnings("unchecked")
            Map<String, Object> marks = sheet.get("marks") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            model.addAttribute("marks", marks);
            model.addAttribute("headCount", sheet.get("headCount"));
            boolean started = started(activity.get("startsAt"));
            boolean cancelled = "CANCELLED".equals(activity.get("status"));
            model.addAttribute("started", started);
            model.addAttribute("mayRecord", (runs || viewer.isCoordinator()) && started && !cancelled);
            model.addAttribute("peerLesson", "PEER_LESSON".equals(activity.get("type")));
            model.addAttribute("markOptions", MARKS);
        }
        model.addAttribute("names", known);
        return "training/activity";
    }

    @PostMapping("/{id}/attendance")
    String attendance(
            @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        viewers.get();
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int i = 0; params.containsKey("marks[" + i + "].userId"); i++) {
            String status = params.getFirst("marks[" + i + "].status");
            if (status != null && !status.isBlank()) {
                marks.add(Map.of("userId", params.getFirst("marks[" + i + "].userId"), "status", status));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("marks", marks);
        String headCount = blankToNull(params.getFirst("headCount"));
        if (headCount != null) {
            body.put("headCount", headCount);
        }
        try {
            api.put("/api/activities/{id}/attendance", body, id);
            redirect.addFlashAttribute("done", "training.attendance.saved");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/training/activities/" + id + "#attendance";
    }

    @PostMapping("/{id}/registration")
    String register(@PathVariable UUID id, @RequestParam(required = false) String month, RedirectAttributes redirect) {
        viewers.get();
        try {
            var answer = api.post("/api/activities/{id}/registrations", null, id);
            redirect.addFlashAttribute(
                    "done",
                    "WAITLISTED".equals(answer.text("status"))
                            ? "training.registration.waitlisted"
                            : "training.registration.done");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return back(id, month);
    }

    @PostMapping("/{id}/registration/cancellation")
    String cancelRegistration(
            @PathVariable UUID id, @RequestParam(required = false) String month, RedirectAttributes redirect) {
        viewers.get();
        try {
            api.delete("/api/activities/{id}/registrations/mine", id);
            redirect.addFlashAttribute("done", "training.registration.cancelled");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return back(id, month);
    }

    @PostMapping("/{id}/cancellation")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return command(id, "/api/activities/{id}/cancellation", "training.activity.cancelled", redirect);
    }

    @PostMapping("/{id}/completion")
    String complete(@PathVariable UUID id, RedirectAttributes redirect) {
        return command(id, "/api/activities/{id}/completion", "training.activity.completed", redirect);
    }

    private String command(UUID id, String path, String done, RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post(path, null, id);
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/training/activities/" + id;
    }

    private static String back(UUID id, String month) {
        return parseMonth(month)
                .map(m -> "redirect:/training/activities?month=" + m)
                .orElse("redirect:/training/activities/" + id);
    }

    private void form(Viewer viewer, Model model, Map<String, Object> values) {
        Map<String, String> facilitators = new LinkedHashMap<>(names.withRole(viewer, "coordinator"));
        try {
            Map<String, Object> roster =
                    api.get("/api/membership/roster?size=100").map();
            @SuppressWarnings("unchecked")
            Map<String, Object> page =
                    roster.get("members") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            List<String> active = listOf(page.get("content")).stream()
                    .filter(member ->
                            "TRAINEE".equals(member.get("status")) || "CERTIFIED".equals(member.get("status")))
                    .map(member -> String.valueOf(member.get("userId")))
                    .toList();
            facilitators.putAll(names.of(viewer, active));
        } catch (ApiProblem notAllowed) {
            if (notAllowed.status() != 403 && notAllowed.status() != 404) {
                throw notAllowed;
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("types", TYPES);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("modules", MODULES);
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("facilitatorChoices", facilitators);
    }

    private Set<String> firstTypesFor(Viewer viewer) {
        if (viewer.is("teacher")) {
            return Set.of("TEACHER_SESSION");
        }
        if (viewer.is("parent")) {
            return Set.of("PARENT_SESSION");
        }
        return Set.of();
    }

    private ZoneId zone() {
        return Optional.ofNullable(times.zone()).orElse(ZoneId.of("Asia/Almaty"));
    }

    private boolean started(Object startsAt) {
        try {
            return !OffsetDateTime.parse(String.valueOf(startsAt)).isAfter(OffsetDateTime.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** "November 2026" in the page's language (the month's standalone name). */
    static String monthLabel(YearMonth month) {
        return month.atDay(1)
                .format(java.time.format.DateTimeFormatter.ofPattern(
                        "LLLL yyyy", org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    static Optional<YearMonth> parseMonth(String month) {
        if (month == null || !month.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> forCaller(Map<String, Object> activity) {
        return activity.get("forCaller") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }
}
