package kz.senim.portal.club;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The roster of young mediators by school year: counts, certification of a trainee, departure. */
@Controller
class RosterController {

    private static final Pattern YEAR = Pattern.compile("\\d{4}-\\d{4}");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final PeopleNames names;
    private final MessageSource messages;

    RosterController(GatewayApi api, CurrentViewer viewers, PeopleNames names, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/club/members")
    String roster(
            @RequestParam(required = false) String year, @RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = viewers.get();
        String chosen = year != null && YEAR.matcher(year).matches() ? year : null;
        var answer = chosen == null
                ? api.get("/api/membership/roster?page={page}&size=100&sort=status", Math.max(page, 0))
                : api.get(
                        "/api/membership/roster?year={year}&page={page}&size=100&sort=status",
                        chosen,
                        Math.max(page, 0));
        Map<String, Object> roster = answer.map();
        @SuppressWarnings("unchecked")
        Map<String, Object> members = roster.get("members") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list =
                members.get("content") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        model.addAttribute("roster", roster);
        model.addAttribute("members", list);
        model.addAttribute("page", members.get("page"));
        model.addAttribute("totalPages", members.get("totalPages"));
        model.addAttribute(
                "names",
                names.of(
                        viewer,
                        list.stream().map(m -> String.valueOf(m.get("userId"))).toList()));
        String shown = String.valueOf(roster.get("schoolYear"));
        model.addAttribute("year", shown);
        model.addAttribute("years", yearsAround(shown));
        return "club/members";
    }

    @PostMapping("/club/members/{userId}/certification")
    String certify(
            @PathVariable String userId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String year,
            RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post("/api/membership/members/{id}/certification", Map.of("note", note), userId);
            redirect.addFlashAttribute("done", "club.members.certified");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return back(year);
    }

    @PostMapping("/club/members/{userId}/departure")
    String depart(
            @PathVariable String userId, @RequestParam(required = false) String year, RedirectAttributes redirect) {
        viewers.get();
        try {
            api.post("/api/membership/members/{id}/departure", null, userId);
            redirect.addFlashAttribute("done", "club.members.departed");
        } catch (ApiProblem problem) {
            Refusals.onRedirect(problem, redirect, messages);
        }
        return back(year);
    }

    private static String back(String year) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/club/members")
                        .queryParamIfPresent(
                                "year",
                                java.util.Optional.ofNullable(year)
                                        .filter(y -> YEAR.matcher(y).matches()))
                        .toUriString();
    }

    /** The shown year, the two before it and the next one, for the year switcher. */
    static List<String> yearsAround(String year) {
        if (year == null || !YEAR.matcher(year).matches()) {
            return List.of();
        }
        int start = Integer.parseInt(year.substring(0, 4));
        return List.of(
                (start - 2) + "-" + (start - 1),
                (start - 1) + "-" + start,
                start + "-" + (start + 1),
                (start + 1) + "-" + (start + 2));
    }
}
