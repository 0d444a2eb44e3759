package kz.senim.portal.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PlainErrors;
import kz.senim.portal.web.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Asking for help: mediation of a conflict, advice (a consultation) or a question; and "my requests". A
 * student knows nobody's account, so the people of a conflict are named by name and grade ("I am involved"
 * adds the asker); a coordinator later links each named person to the directory, so they answer through
 * their own login. A hidden key, made when the form is shown, makes a double submit one request. The form
 * comes in two steps (what is needed, then its own fields) and shows one person at a time, with a button
 * that adds another row (a submit, so it works without JavaScript).
 */
@Controller
class RequestPages {

    static final int NAMED_ROWS = 4;
    private static final Set<String> KINDS = Set.of("MEDIATION", "CONSULTATION", "QUESTION");

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final PlainErrors plainErrors;

    RequestPages(GatewayApi api, CurrentViewer viewers, PlainErrors plainErrors) {
        this.api = api;
        this.viewers = viewers;
        this.plainErrors = plainErrors;
    }

    /** What the asker typed, kept when the API refuses it. */
    static final class RequestForm {
        private String kind = "MEDIATION";
        private String urgency = "NORMAL";
        private String preferredLanguage;
        private String description;
        private boolean involved = true;
        private List<String> names = new ArrayList<>(List.of("", "", "", ""));
        private List<String> grades = new ArrayList<>(List.of("", "", "", ""));
        private List<String> adults = new ArrayList<>();
        private String requestKey;
        private int rows = 1;

        /** How many rows of people the form shows: one at first, one more each time a person is added. */
        public int getRows() {
            return rows;
        }

        public void setRows(int rows) {
            this.rows = Math.max(1, Math.min(NAMED_ROWS, rows));
        }

        /** The rows to show: as many as asked for, and at least every row that has a name in it. */
        List<Integer> shownRows() {
            int shown = rows;
            for (int row = 0; row < NAMED_ROWS; row++) {
                if (names.get(row) != null && !names.get(row).isBlank()) {
                    shown = Math.max(shown, row + 1);
                }
            }
            return java.util.stream.IntStream.range(0, shown).boxed().toList();
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getUrgency() {
            return urgency;
        }

        public void setUrgency(String urgency) {
            this.urgency = urgency;
        }

        public String getPreferredLanguage() {
            return preferredLanguage;
        }

        public void setPreferredLanguage(String preferredLanguage) {
            this.preferredLanguage = preferredLanguage;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public boolean isInvolved() {
            return involved;
        }

        public void setInvolved(boolean involved) {
            this.involved = involved;
        }

        public List<String> getNames() {
            return names;
        }

        public void setNames(List<String> names) {
            this.names = padded(names);
        }

        public List<String> getGrades() {
            return grades;
        }

        public void setGrades(List<String> grades) {
            this.grades = padded(grades);
        }

        /** The row numbers ("0".."3") whose person is an adult. */
        public List<String> getAdults() {
            return adults;
        }

        public void setAdults(List<String> adults) {
            this.adults = adults == null ? new ArrayList<>() : adults;
        }

        public String getRequestKey() {
            return requestKey;
        }

        public void setRequestKey(String requestKey) {
            this.requestKey = requestKey;
        }

        private static List<String> padded(List<String> values) {
            List<String> rows = new ArrayList<>(values == null ? List.of() : values);
            while (rows.size() < NAMED_ROWS) {
                rows.add("");
            }
            return rows.subList(0, NAMED_ROWS);
        }
    }

    /**
     * Step 1 chooses what the asker needs; step 2 ({@code ?kind=}) is the form for it, so advice and a
     * question never show the fields of a conflict's people.
     */
    @GetMapping("/requests/new")
    String form(@RequestParam(required = false) String kind, Model model) {
        if (kind == null || !KINDS.contains(kind)) {
            model.addAttribute("kinds", List.of("MEDIATION", "CONSULTATION", "QUESTION"));
            return "cases/choose";
        }
        RequestForm form = new RequestForm();
        form.setKind(kind);
        form.setRequestKey(UUID.randomUUID().toString());
        form.setPreferredLanguage(
                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return showForm(form, model);
    }

    @PostMapping(path = "/requests/new", params = "more")
    String addPerson(@ModelAttribute("form") RequestForm form, Model model) {
        // one more row, and nothing sent: works without JavaScript, keeping everything typed
        form.setKind("MEDIATION");
        model.addAttribute("added", Math.min(NAMED_ROWS, form.shownRows().size() + 1));
        form.setRows(form.shownRows().size() + 1);
        return showForm(form, model);
    }

    private String showForm(RequestForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.shownRows());
        model.addAttribute("mayAddRow", form.shownRows().size() < NAMED_ROWS);
        return "cases/new";
    }

    @PostMapping(path = "/requests/new", params = "!more")
    String ask(@ModelAttribute("form") RequestForm form, Model model, RedirectAttributes flash) {
        Viewer viewer = viewers.get();
        String kind = form.getKind() != null && KINDS.contains(form.getKind()) ? form.getKind() : "MEDIATION";
        form.setKind(kind);
        try {
            if ("MEDIATION".equals(kind)) {
                ApiAnswer created = api.create(
                        "/api/cases",
                        CasePages.body(
                                "urgency", form.getUrgency(),
                                "preferredLanguage", CasePages.blankToNull(form.getPreferredLanguage()),
                                "description", form.getDescription(),
                                "parties", parties(viewer, form)),
                        form.getRequestKey());
                flash.addFlashAttribute("done", "cases.done.asked");
                return "redirect:/cases/" + created.map().get("id");
            }
            ApiAnswer created = api.create(
                    "/api/consultations",
                    CasePages.body("kind", kind, "question", form.getDescription()),
                    form.getRequestKey());
            flash.addFlashAttribute("done", "cases.done.asked");
            return "redirect:/consultations/" + created.map().get("id");
        } catch (ApiProblem refused) {
            if (refused.status() == 401 || refused.status() >= 500) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            // in plain words first (a grade's own sentence), then shown where the form has the field
            plainErrors.of("cases.new", refused.fieldErrors()).forEach((field, message) -> {
                String shown =
                        field.equals("question") ? "description" : field.startsWith("parties") ? "parties" : field;
                errors.merge(shown, message, (a, b) -> a.equals(b) ? a : a + " " + b);
            });
            model.addAttribute("errors", errors);
            if (errors.isEmpty()) {
                model.addAttribute("formError", refused.detail() != null ? refused.detail() : refused.title());
            }
            return showForm(form, model);
        }
    }

    /** The asker (when involved) by account, the others by name, grade and whether they are adults. */
    static List<Map<String, Object>> parties(Viewer viewer, RequestForm form) {
        List<Map<String, Object>> parties = new ArrayList<>();
        if (form.isInvolved()) {
            parties.add(Map.of("userId", viewer.userId()));
        }
        for (int row = 0; row < NAMED_ROWS; row++) {
            String name = form.getNames().get(row);
            if (name == null || name.isBlank()) {
                continue;
            }
            boolean adult = form.getAdults().contains(String.valueOf(row));
            Integer grade = null;
            try {
                grade = adult || form.getGrades().get(row).isBlank()
                        ? null
                        : Integer.valueOf(form.getGrades().get(row).strip());
            } catch (NumberFormatException notANumber) {
                // left out: the grade is optional
            }
            parties.add(CasePages.body("name", name.strip(), "adult", adult, "grade", grade));
        }
        return parties;
    }

    @GetMapping("/requests")
    String mine(Model model) {
        model.addAttribute(
                "cases",
                CaseLine.urgentFirst(
                        api.get("/api/cases?size=50&sort=submittedAt,desc").content()));
        model.addAttribute(
                "consultations", api.get("/api/consultations?size=50").content());
        return "cases/requests";
    }
}
