package kz.senim.portal.training;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mediator curriculum (a trainee's own progress; coordinators see every trainee's) and the annual
 * plan of the current school year (completion, items by month, adding, reporting and cancelling items).
 */
@Controller
class PlanController {

    static final List<String> REPORTS = List.of("PLANNED", "PARTLY_DONE", "DONE");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final SchoolTimes times;
    private final PeopleNames names;
    private final MessageSource messages;

    PlanController(
            GatewayApi api, CurrentViewer viewers, SchoolTimes times, PeopleNames names, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.times = times;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/training/curriculum")
    String curriculum(Model model) {
        Viewer viewer = viewers.get();
        model.addAttribute("curriculum", api.get("/api/activities/curriculum").map());
        if (viewer.isCoordinator() || viewer.isAdmin()) {
            List<Map<String, Object>> trainees =
                    api.get("/api/activities/curriculum/trainees?size=100").content();
            model.addAttribute("trainees", trainees);
            model.addAttribute(
                    "names",
                    names.of(
                            viewer,
                            trainees.stream()
                                    .map(t -> String.valueOf(t.get("userId")))
                                    .toList()));
        } else {
            // Certification is membership's to say (the club page says it too): one truth on every page.
            model.addAttribute("certified", false);
            try {
                Map<String, Object> member =
                        api.get("/api/membership/members/{id}", viewer.userId()).map();
                model.addAttribute("certified", "CERTIFIED".equals(String.valueOf(member.get("status"))));
            } catch (ApiProblem problem) {
                if (problem.status() != 404 && problem.status() != 403) {
                    throw problem;
                }
            }
            try {
                model.addAttribute(
                        "progress",
                        api.get("/api/activities/curriculum/trainees/{id}", viewer.userId())
                                .map());
            } catch (ApiProblem problem) {
                if (problem.status() != 404 && problem.status() != 403) {
                    throw problem;
                }
            }
        }
        return "training/curriculum";
    }

    @GetMapping("/training/plan")
    String plan(Model model) {
        Viewer viewer = viewers.get();
        String year = schoolYear(LocalDate.now(zone()));
        Map<String, Object> values = new HashMap<>();
        values.put("month", YearMonth.now(zone()).toString());
        values.put("responsibleUserId", viewer.userId());
        values.put("idempotencyKey", UUID.randomUUID().toString());
        show(viewer, year, model, values);
        return "training/plan";
    }

    @PostMapping("/training/plan/items")
    String add(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Viewer viewer = viewers.get();
        String year = schoolYear(LocalDate.now(zone()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", params.getOrDefault("direction", ""));
        body.put("description", params.getOrDefault("description", ""));
        body.put("month", params.getOrDefault("month", ""));
        body.put("responsibleUserId", params.getOrDefault("responsibleUserId", ""));
        body.put("activityIds", List.of());
        try {
            api.create("/api/plans/{year}/items", body, params.get("idempotencyKey"), year);
            redirect.addFlashAttribute("done", "training.plan.added");
            return "redirect:/training/plan";
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            show(viewer, year, model, new HashMap<>(params));
            return "training/plan";
        }
    }

    @PostMapping("/training/plan/items/{id}/report")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
        viewers.get();
        String year = schoolYear(LocalDate.now(zone()));
        try {
            api.post("/api/plans/{year}/items/{id}/report", Map.of("status", status), year, id);
            redirect.addFlashAttribute("done", "training.plan.reported");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/training/plan";
    }

    @PostMapping("/training/plan/items/{id}/cancellation")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        viewers.get();
        String year = schoolYear(LocalDate.now(zone()));
        try {
            api.post("/api/plans/{year}/items/{id}/cancellation", null, year, id);
            redirect.addFlashAttribute("done", "training.plan.cancelled");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return "redirect:/training/plan";
    }

    /**
     * The titles of the activities the plan's items link to, so that each link says which activity it is:
     * one call for the school year's activities; an activity not among them keeps its numbered label.
     */
    private Map<String, String> activityTitles(List<Map<String, Object>> items, int firstYear) {
        Map<String, String> titles = new HashMap<>();
        boolean linked = items.stream().anyMatch(i -> i.get("activityIds") instanceof List<?> ids && !ids.isEmpty());
        if (!linked) {
            return titles;
        }
        try {
            api.get(
                            "/api/activities?from={from}&to={to}&size=200&sort=startsAt,asc",
                            LocalDate.of(firstYear, 9, 1).toString(),
                            LocalDate.of(firstYear + 1, 8, 31).toString())
                    .content()
                    .forEach(a -> titles.put(String.valueOf(a.get("id")), String.valueOf(a.get("title"))));
        } catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
        }
        return titles;
    }

    private void show(Viewer viewer, String year, Model model, Map<String, Object> values) {
        Map<String, Object> plan = api.get("/api/plans/{year}", year).map();
        List<Map<String, Object>> items =
                api.get("/api/plans/{year}/items?size=200", year).content();
        Map<String, List<Map<String, Object>>> byMonth = new LinkedHashMap<>();
        int first = Integer.parseInt(year.substring(0, 4));
        for (int i = 0; i < 12; i++) {
            byMonth.put(YearMonth.of(first, 9).plusMonths(i).toString(), new ArrayList<>());
        }
        for (Map<String, Object> item : items) {
            byMonth.computeIfAbsent(String.valueOf(item.get("month")), m -> new ArrayList<>())
                    .add(item);
        }
        byMonth.values().removeIf(List::isEmpty);
        Map<String, String> monthLabels = new LinkedHashMap<>();
        byMonth.keySet()
                .forEach(m -> ActivitiesController.parseMonth(m)
                        .ifPresent(parsed -> monthLabels.put(m, ActivitiesController.monthLabel(parsed))));
        model.addAttribute("monthLabels", monthLabels);
        model.addAttribute("activityTitles", activityTitles(items, first));
        Map<String, String> known = new LinkedHashMap<>(names.withRole(viewer, "coordinator"));
        known.putAll(names.of(
                viewer,
                items.stream()
                        .map(i -> String.valueOf(i.get("responsibleUserId")))
                        .toList()));
        model.addAttribute("year", year);
        model.addAttribute("plan", plan);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("names", known);
        model.addAttribute("responsibleChoices", names.withRole(viewer, "coordinator"));
        model.addAttribute("reports", REPORTS);
        model.addAttribute("values", values);
    }

    /** The school year (September to August) a date falls in, e.g. 2026-2027. */
    static String schoolYear(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return start + "-" + (start + 1);
    }

    private ZoneId zone() {
        return Optional.ofNullable(times.zone()).orElse(ZoneId.of("Asia/Almaty"));
    }
}
