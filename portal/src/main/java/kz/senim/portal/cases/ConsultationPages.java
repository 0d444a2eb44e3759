package kz.senim.portal.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.SchoolTimes;
import kz.senim.portal.web.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Consultations and questions: the list, one consultation, and the asker's, advisor's and coordinator's actions. */
@Controller
class ConsultationPages {

    private static final int PAGE_SIZE = 20;

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final PeopleNames people;
    private final SchoolTimes times;

    ConsultationPages(GatewayApi api, CurrentViewer viewers, PeopleNames people, SchoolTimes times) {
        this.api = api;
        this.viewers = viewers;
        this.people = people;
        this.times = times;
    }

    @GetMapping("/consultations")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, Math.min(page, 10000));
        ApiAnswer answer = api.get("/api/consultations?page={page}&size={size}", from, PAGE_SIZE);
        model.addAttribute("consultations", Lenient.of(answer.content()));
        model.addAttribute("page", from);
        model.addAttribute("totalPages", CasePages.number(answer.map().get("totalPages")));
        return "cases/consultations";
    }

    @GetMapping("/consultations/{id}")
    String show(@PathVariable String id, Model model) {
        CasePages.requireId(id);
        Viewer viewer = viewers.get();
        Map<String, Object> c =
                Lenient.of(api.get("/api/consultations/{id}", id).map());
        boolean coordinator = viewer.isCoordinator();
        boolean advisor = viewer.userId().equals(c.get("advisorId"));
        Set<String> ids = new LinkedHashSet<>();
        ids.add((String) c.get("advisorId"));
        List<String> advisors = new ArrayList<>();
        if (coordinator && isOpen(c)) {
            advisors.add(viewer.userId());
            if (!"QUESTION".equals(c.get("kind"))) {
                try {
                    Object members = api.get("/api/membership/roster?status=CERTIFIED&size=100")
                            .map()
                            .get("members");
                    if (members instanceof Map<?, ?> page) {
                        CasePages.list(page.get("content")).forEach(m -> advisors.add((String) m.get("userId")));
                    }
                } catch (ApiProblem noRoster) {
                    // the coordinator advises themselves
                }
            }
            ids.addAll(advisors);
        }
        model.addAttribute("c", c);
        model.addAttribute("names", people.of(viewer, ids));
        model.addAttribute("advisors", advisors);
        model.addAttribute("isCoordinator", coordinator);
        model.addAttribute("isAdvisor", advisor);
        model.addAttribute("isAsker", !coordinator && !advisor);
        model.addAttribute("open", isOpen(c));
        return "cases/consultation";
    }

    @PostMapping("/consultations/{id}/{action}")
    String act(
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        CasePages.requireId(id);
        try {
            switch (action) {
                case "advisor" ->
                    api.post("/api/consultations/{id}/advisor", CasePages.body("userId", form.getFirst("userId")), id);
                case "answer" ->
                    api.post("/api/consultations/{id}/answer", CasePages.body("text", form.getFirst("text")), id);
                case "meeting" ->
                    api.post(
                            "/api/consultations/{id}/meeting",
                            CasePages.body(
                                    "heldAt", times.toIso(form.getFirst("heldAt")),
                                    "notes", CasePages.blankToNull(form.getFirst("notes"))),
                            id);
                case "closure" -> api.post("/api/consultations/{id}/closure", null, id);
                case "withdrawal" -> api.post("/api/consultations/{id}/withdrawal", null, id);
                default -> throw new ApiProblem(404, null, null, null, Map.of());
            }
            flash.addFlashAttribute("done", "cases.done.consultation." + action);
        } catch (ApiProblem refused) {
            CasePages.showNextToTheForm(refused, action, form, flash);
        }
        return "redirect:/consultations/" + id + "#" + action;
    }

    private static boolean isOpen(Map<String, Object> c) {
        Object status = c.get("status");
        return !"CLOSED".equals(status) && !"WITHDRAWN".equals(status);
    }
}
