package kz.senim.portal.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.ApiProblem;
import kz.senim.portal.api.GatewayApi;
import kz.senim.portal.web.CurrentViewer;
import kz.senim.portal.web.PeopleNames;
import kz.senim.portal.web.SchoolTimes;
import kz.senim.portal.web.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Mediation cases: the list the API gives the viewer (a coordinator's triage inbox with
 * {@code ?status=SUBMITTED}), one case with exactly the actions the viewer may take, and its audit trail.
 * What a page shows is what the API answered for this viewer; the portal adds names only for coordinators.
 */
@Controller
class CasePages {

    static final List<String> STATUSES = List.of(
            "SUBMITTED",
            "TRIAGED",
            "MEDIATORS_ASSIGNED",
            "AWAITING_CONSENT",
            "IN_MEDIATION",
            "AGREEMENT_REACHED",
            "NO_AGREEMENT",
            "FOLLOW_UP",
            "CLOSED",
            "WITHDRAWN");
    private static final Pattern ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int PAGE_SIZE = 20;

    private final GatewayApi api;
    private final CurrentViewer viewers;
    private final PeopleNames people;
    private final SchoolTimes times;
    private final MessageSource messages;
    private final TriageActions triage;
    private final TeamActions team;
    private final PartyActions parties;
    private final SessionActions sessions;
    private final AgreementActions agreements;
    private final LegalHoldActions legalHolds;

    CasePages(GatewayApi api, CurrentViewer viewers, PeopleNames people, SchoolTimes times, MessageSource messages) {
        this.messages = messages;
        this.triage = new TriageActions(api);
        this.team = new TeamActions(api);
        this.parties = new PartyActions(api);
        this.sessions = new SessionActions(api);
        this.agreements = new AgreementActions(api);
        this.legalHolds = new LegalHoldActions(api);
        this.api = api;
        this.viewers = viewers;
        this.people = people;
        this.times = times;
    }

    @GetMapping("/cases")
    String list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        String wanted = status != null && STATUSES.contains(status) ? status : null;
        int from = Math.max(0, Math.min(page, 10000));
        ApiAnswer answer = api.get(UriComponentsBuilder.fromPath("/api/cases")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(wanted))
                .queryParam("page", from)
                .queryParam("size", PAGE_SIZE)
                .build()
                .toUriString());
        model.addAttribute("cases", CaseLine.urgentFirst(answer.content()));
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", from);
        model.addAttribute("totalPages", number(answer.map().get("totalPages")));
        return "cases/list";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable String id, Model model) {
        requireId(id);
        Viewer viewer = viewers.get();
        ApiAnswer answer = api.get("/api/cases/{id}", id);
        CaseView c = answer.as(CaseView.class);
        List<CaseView.Party> parties = c.partiesSeen();
        List<CaseView.Mediator> mediators = c.mediatorsSeen();
        boolean coordinator = viewer.isCoordinator() && c.legalHold() != null;
        boolean mediator = c.isMediatedBy(viewer.userId());
        String status = c.status();

        Set<String> userIds = new LinkedHashSet<>();
        parties.forEach(p -> userIds.add(p.userId()));
        mediators.forEach(m -> userIds.add(m.userId()));
        List<CaseView.Candidate> candidates = List.of();
        if (coordinator && "TRIAGED".equals(status)) {
            candidates = api.get("/api/cases/{id}/mediator-candidates", id).listOf(CaseView.Candidate.class);
            candidates.forEach(m -> userIds.add(m.userId()));
        }
        Map<String, String> names = people.of(viewer, userIds);

        // How each party is called on this page: by name where the viewer may know it, else by number.
        Map<String, String> partyLabels = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        int n = 1;
        for (CaseView.Party p : parties) {
            String label = p.you()
                    ? messages.getMessage("cases.party.you", null, locale)
                    : p.name() != null && !p.name().isBlank() ? p.name() : names.get(p.userId());
            partyLabels.put(
                    p.id(),
                    label != null ? label : messages.getMessage("cases.party.numbered", new Object[] {n}, locale));
            n++;
        }

        model.addAttribute("c", c);
        model.addAttribute("etag", answer.etag());
        model.addAttribute("parties", parties);
        model.addAttribute("partyLabels", partyLabels);
        model.addAttribute("mediators", mediators);
        model.addAttribute("names", names);
        model.addAttribute("candidates", candidates);
        model.addAttribute("sessions", c.sessionsSeen());
        // A guardian asked for consent sees their child's party id and their own answer only.
        model.addAttribute("guardianConsents", c.guardianConsentsSeen());
        model.addAttribute("agreement", c.agreement());
        model.addAttribute("commitments", c.commitmentsByParty());
        model.addAttribute("signedBy", c.signedBy());
        model.addAttribute("isCoordinator", coordinator);
        model.addAttribute("isMediator", mediator);
        model.addAttribute("isTeam", coordinator || mediator);
        model.addAttribute("myParty", c.viewersParty().orElse(null));
        model.addAttribute("open", c.isOpen());
        model.addAttribute("status", status);
        model.addAttribute("unidentified", c.hasUnidentifiedParty());
        List<Map<String, Object>> directory = coordinator && c.isOpen() && c.hasUnidentifiedParty()
                ? Lenient.of(people.directory(viewer))
                : List.of();
        model.addAttribute("directory", directory);
        // per party named in the request: the likely people first, and nobody chosen by default
        Map<String, LikelyPeople.Ranked> ranked = new LinkedHashMap<>();
        if (!directory.isEmpty()) {
            parties.stream()
                    .filter(p -> p.userId() == null)
                    .forEach(p -> ranked.put(p.id(), LikelyPeople.rank(p, directory)));
        }
        model.addAttribute("likelyPeople", ranked);
        return "cases/case";
    }

    @GetMapping("/cases/{id}/audit")
    String audit(@PathVariable String id, Model model) {
        requireId(id);
        Viewer viewer = viewers.get();
        List<Map<String, Object>> lines =
                Lenient.of(list(api.get("/api/cases/{id}/audit", id).body()));
        Set<String> actors = new LinkedHashSet<>();
        lines.forEach(line -> actors.add((String) line.get("actorId")));
        model.addAttribute("id", id);
        model.addAttribute("lines", lines);
        model.addAttribute("names", people.of(viewer, actors));
        return "cases/audit";
    }

    /**
     * Every action on a case: one form each, posted here and read into a typed {@link CaseAction}, which the
     * handler of its family sends; the API decides whether the viewer may.
     */
    @PostMapping("/cases/{id}/{action}")
    String act(
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        requireId(id);
        try {
            CaseAction read = CaseAction.read(action, form, times::toIso)
                    .orElseThrow(() -> new ApiProblem(404, null, null, null, Map.of()));
            if (read instanceof CaseAction.Involving.Identify identify && identify.nobodyChosen()) {
                flash.addFlashAttribute("failedAction", action);
                flash.addFlashAttribute(
                        "formError",
                        messages.getMessage("cases.party.identify.choose", null, LocaleContextHolder.getLocale()));
                return "redirect:/cases/" + id + "#party-" + identify.partyId();
            }
            switch (read) {
                case CaseAction.Triaging triaging -> triage.send(id, triaging);
                case CaseAction.Staffing staffing -> team.send(id, staffing);
                case CaseAction.Involving involving -> parties.send(id, involving);
                case CaseAction.Meeting meeting -> sessions.send(id, meeting);
                case CaseAction.Agreeing agreeing -> agreements.send(id, agreeing);
                case CaseAction.Holding holding -> legalHolds.send(id, holding);
            }
            flash.addFlashAttribute("done", "cases.done." + action);
        } catch (ApiProblem refused) {
            CasePages.showNextToTheForm(refused, action, form, flash);
        }
        return "redirect:/cases/" + id + "#" + action;
    }

    /**
     * A refused action, shown on the page it came from: next to its form (the action's anchor), with the
     * field errors and what was typed. What the viewer may not see (404), a lost session (401) and an
     * outage are not the form's business: PortalErrors shows those.
     */
    static void showNextToTheForm(
            ApiProblem refused, String action, MultiValueMap<String, String> form, RedirectAttributes flash) {
        if (refused.status() == 404 || refused.status() == 401 || refused.status() >= 500) {
            throw refused;
        }
        flash.addFlashAttribute("failedAction", action);
        flash.addFlashAttribute("errors", refused.fieldErrors());
        flash.addFlashAttribute("typed", form.toSingleValueMap());
        flash.addFlashAttribute(
                "formError",
                refused.hasFieldErrors() ? null : Objects.requireNonNullElse(refused.detail(), refused.title()));
    }

    /** A JSON object of name/value pairs; nulls are left out. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                maps.add(Lenient.of((Map<String, Object>) map));
            }
        }
        return maps;
    }

    static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** A path that is not a case id is no case: 404, as the API would answer. */
    static void requireId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new ApiProblem(404, null, null, null, Map.of());
        }
    }
}
