package kz.senim.portal.club;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The club profile editor: every text in kk, ru and en, leaders (coordinators of the directory), social
 * links, admission grades, capacity, meeting place and rhythm. The form's field names are the API's
 * ({@code name.kk}, {@code socialLinks[0].url}), so its field errors land next to the right input; the
 * ETag read with the form goes back as If-Match, and a stale one is explained.
 */
@Controller
class ProfileController {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final List<String> NETWORKS =
            List.of("instagram", "facebook", "tiktok", "youtube", "telegram", "vk", "website");
    static final int EXTRA_ROWS = 1;

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final PeopleNames names;
    private final MessageSource messages;

    ProfileController(GatewayApi api, CurrentViewer viewers, PeopleNames names, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/club/profile")
    String profile(Model model) {
        Viewer viewer = viewers.get();
        var answer = api.get("/api/schools/{id}/club/profile", schoolOf(viewer));
        Map<String, Object> profile = answer.map();
        model.addAttribute("values", flatten(profile, answer.etag()));
        show(viewer, model, profile);
        return "club/profile";
    }

    @PostMapping("/club/profile")
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Viewer viewer = viewers.get();
        String school = schoolOf(viewer);
        Map<String, Object> current =
                api.get("/api/schools/{id}/club/profile", school).map();
        try {
            api.putIfMatch("/api/schools/{id}/club/profile", body(params, current), params.get("etag"), school);
            redirect.addFlashAttribute("done", "club.profile.saved");
            return "redirect:/club/profile";
        } catch (ApiProblem problem) {
            Refusals.onForm(problem, model, messages);
            Map<String, Object> values = new HashMap<>(params);
            if (problem.status() == 412) {
                var fresh = api.get("/api/schools/{id}/club/profile", school);
                values.put("etag", fresh.etag());
                current = fresh.map();
            }
            model.addAttribute("values", values);
            show(viewer, model, current);
            return "club/profile";
        }
    }

    private void show(Viewer viewer, Model model, Map<String, Object> profile) {
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("networks", NETWORKS);
        model.addAttribute("coordinators", names.withRole(viewer, "coordinator"));
        model.addAttribute("leaderRows", range(list(profile.get("leaders")).size() + EXTRA_ROWS));
        model.addAttribute("linkRows", range(list(profile.get("socialLinks")).size() + EXTRA_ROWS));
    }

    private static String schoolOf(Viewer viewer) {
        if (viewer.schoolId() == null) {
            throw new ApiProblem(404, null, null, null, Map.of());
        }
        return viewer.schoolId();
    }

    static Map<String, Object> flatten(Map<String, Object> profile, String etag) {
        Map<String, Object> values = new HashMap<>();
        values.put("etag", etag);
        for (String field : List.of("name", "goals", "tasks", "meetingPlace", "meetingRhythm")) {
            Map<String, Object> texts = map(profile.get(field));
            for (String language : LANGUAGES) {
                values.put(field + "." + language, texts.get(language));
            }
        }
        values.put("admissionGradeFrom", profile.get("admissionGradeFrom"));
        values.put("admissionGradeTo", profile.get("admissionGradeTo"));
        values.put("capacity", profile.get("capacity"));
        List<Object> leaders = list(profile.get("leaders"));
        for (int i = 0; i < leaders.size(); i++) {
            Map<String, Object> leader = map(leaders.get(i));
            values.put("leaders[" + i + "].userId", leader.get("userId"));
            values.put("leaders[" + i + "].officeRoom", leader.get("officeRoom"));
            Map<String, Object> title = map(leader.get("title"));
            for (String language : LANGUAGES) {
                values.put("leaders[" + i + "].title." + language, title.get(language));
            }
        }
        List<Object> links = list(profile.get("socialLinks"));
        for (int i = 0; i < links.size(); i++) {
            Map<String, Object> link = map(links.get(i));
            values.put("socialLinks[" + i + "].network", link.get("network"));
            values.put("socialLinks[" + i + "].url", link.get("url"));
        }
        return values;
    }

    /** The API's whole profile from the form; what the form does not edit (principles, contacts) is kept. */
    static Map<String, Object> body(Map<String, String> params, Map<String, Object> current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", texts(params, "name"));
        body.put("goals", texts(params, "goals"));
        body.put("tasks", texts(params, "tasks"));
        List<Map<String, Object>> principles = new ArrayList<>();
        for (Object p : list(current.get("principles"))) {
            Map<String, Object> principle = map(p);
            principles.add(Map.of(
                    "principle", String.valueOf(principle.get("principle")),
                    "title", principle.get("title"),
                    "text", principle.get("text")));
        }
        body.put("principles", principles);
        Map<String, Map<String, Object>> currentLeaders = new HashMap<>();
        for (Object l : list(current.get("leaders"))) {
            Map<String, Object> leader = map(l);
            currentLeaders.put(String.valueOf(leader.get("userId")), leader);
        }
        List<Map<String, Object>> leaders = new ArrayList<>();
        for (int i = 0; params.containsKey("leaders[" + i + "].userId"); i++) {
            String userId = params.get("leaders[" + i + "].userId").strip();
            if (userId.isEmpty()) {
                continue;
            }
            Map<String, Object> leader = new LinkedHashMap<>();
            leader.put("userId", userId);
            leader.put("title", texts(params, "leaders[" + i + "].title"));
            leader.put("officeRoom", blankToNull(params.get("leaders[" + i + "].officeRoom")));
            Map<String, Object> before = currentLeaders.getOrDefault(userId, Map.of());
            leader.put("contacts", before.getOrDefault("contacts", List.of()));
            leader.put("officeHours", before.get("officeHours"));
            leaders.add(leader);
        }
        body.put("leaders", leaders);
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; params.containsKey("socialLinks[" + i + "].url"); i++) {
            String url = params.get("socialLinks[" + i + "].url").strip();
            if (url.isEmpty()) {
                continue;
            }
            links.add(Map.of("network", params.getOrDefault("socialLinks[" + i + "].network", ""), "url", url));
        }
        body.put("socialLinks", links);
        body.put("admissionGradeFrom", blankToNull(params.get("admissionGradeFrom")));
        body.put("admissionGradeTo", blankToNull(params.get("admissionGradeTo")));
        body.put("capacity", blankToNull(params.get("capacity")));
        body.put("meetingPlace", texts(params, "meetingPlace"));
        body.put("meetingRhythm", texts(params, "meetingRhythm"));
        return body;
    }

    private static Map<String, Object> texts(Map<String, String> params, String field) {
        Map<String, Object> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            texts.put(language, blankToNull(params.get(field + "." + language)));
        }
        return texts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<Integer> range(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
