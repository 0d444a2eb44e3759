package kz.senim.cases.mediation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.directory.SchoolPeople.MediatorLoad;
import kz.senim.cases.mediation.CaseFilter;
import kz.senim.cases.mediation.Mediations;
import kz.senim.cases.mediation.SchoolSettingsService;
import kz.senim.cases.mediation.StoredMediation;
import kz.senim.cases.mediation.domain.MediationStatus;
import kz.senim.cases.mediation.domain.Session;
import kz.senim.cases.mediation.domain.Visibility;
import kz.senim.cases.mediation.web.CaseRequests.AgreementRequest;
import kz.senim.cases.mediation.web.CaseRequests.AssignRequest;
import kz.senim.cases.mediation.web.CaseRequests.ConsentRequest;
import kz.senim.cases.mediation.web.CaseRequests.EscalationRequest;
import kz.senim.cases.mediation.web.CaseRequests.FollowUpRequest;
import kz.senim.cases.mediation.web.CaseRequests.NotesRequest;
import kz.senim.cases.mediation.web.CaseRequests.ObjectionRequest;
import kz.senim.cases.mediation.web.CaseRequests.SessionRequest;
import kz.senim.cases.mediation.web.CaseRequests.SubmitRequest;
import kz.senim.cases.mediation.web.CaseRequests.TriageRequest;
import kz.senim.cases.mediation.web.CaseRequests.WithdrawalRequest;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mediation cases over HTTP. State changes are commands named in the domain's words; each answers
 * the case as the caller may see it, with its ETag, and honours {@code If-Match}.
 */
@Tag(
        name = "Cases",
        description = "Mediation cases, from the request to the follow-up, by the principles of mediation.")
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final String STATUSES = "SUBMITTED|TRIAGED|MEDIATORS_ASSIGNED|AWAITING_CONSENT|IN_MEDIATION"
            + "|AGREEMENT_REACHED|NO_AGREEMENT|FOLLOW_UP|CLOSED|WITHDRAWN";

    private final Mediations mediations;
    private final SchoolSettingsService settings;

    CaseController(Mediations mediations, SchoolSettingsService settings) {
        this.mediations = mediations;
        this.settings = settings;
    }

    /** Times are shown in the school's time zone. */
    private ZoneId zone(String schoolId) {
        return settings.timeZone(schoolId);
    }

    @Operation(operationId = "submitCase", summary = "Submit a mediation request")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<CaseView> submit(
            @Valid @RequestBody SubmitRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 64)
                    @Pattern(regexp = "[A-Za-z0-9._:-]+")
                    String idempotencyKey,
            CurrentUser caller) {
        StoredMediation stored = mediations.submit(caller, request.submission(), idempotencyKey);
        return ResponseEntity.created(
                        URI.create("/api/cases/" + stored.mediation().id()))
                .eTag(etag(stored))
                .body(CaseView.of(
                        new Mediations.Seen(
                                stored,
                                stored.mediation().confidentiality().visibilityFor(Mediations.actor(caller)),
                                Mediations.actor(caller)),
                        zone(stored.mediation().schoolId())));
    }

    /**
     * Every case of this list is a {@code MEDIATION}: {@code kind=MEDIATION} filters nothing out, and
     * any other kind (consultations and questions live in {@code /api/consultations}) answers 400 naming
     * {@code kind} rather than an empty page that would read as "none of those".
     */
    @Operation(operationId = "listCases", summary = "List the cases the caller may see")
    @GetMapping
    Page<CaseSummary> list(
            @RequestParam(required = false) @Pattern(regexp = "MEDIATION") String kind,
            @RequestParam(required = false) @Pattern(regexp = STATUSES) String status,
            @RequestParam(required = false) @Pattern(regexp = CaseRequests.USER_ID) String mediator,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        MediationStatus wanted = status == null ? null : MediationStatus.valueOf(status);
        PageQuery query = PageQuery.of(page, size, sort, Mediations.SORTS, "submittedAt,desc");
        Page<StoredMediation> found = mediations.list(caller, new CaseFilter(wanted, mediator), query);
        ZoneId zone = zone(caller.schoolId().orElseThrow());
        return found.map(s -> CaseSummary.of(
                s,
                zone,
                mediations.requestSeenBy(s, caller),
                mediations.nextSessionSeenBy(s, caller),
                mediations.yourPart(s, caller)));
    }

    @Operation(operationId = "getCase", summary = "Read a case as the caller may see it")
    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable UUID id, CurrentUser caller) {
        Mediations.Seen seen = mediations.get(id, caller);
        return ResponseEntity.ok()
                .eTag(etag(seen.stored()))
                .body(CaseView.of(seen, zone(seen.stored().mediation().schoolId())));
    }

    @Operation(operationId = "listEligibleMediators", summary = "List the mediators eligible for a case")
    @GetMapping("/{id}/eligible-mediators")
    List<MediatorLoad> eligibleMediators(@PathVariable UUID id, CurrentUser caller) {
        return mediations.eligibleMediators(id, caller);
    }

    @Operation(
            operationId = "listMediatorCandidates",
            summary = "List every mediator candidate and why one is ineligible")
    @GetMapping("/{id}/mediator-candidates")
    List<Mediations.Candidate> mediatorCandidates(@PathVariable UUID id, CurrentUser caller) {
        return mediations.mediatorCandidates(id, caller);
    }

    @Operation(operationId = "identifyParty", summary = "Link a named party to a person of the directory")
    @PostMapping("/{id}/parties/{partyId}/identification")
    ResponseEntity<CaseView> identifyParty(
            @PathVariable UUID id,
            @PathVariable UUID partyId,
            @Valid @RequestBody AssignRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.identifyParty(id, caller, ifMatch, partyId, request.userId()));
    }

    @Operation(operationId = "getCaseAuditTrail", summary = "Read a case's audit trail")
    @GetMapping("/{id}/audit")
    List<AuditLine> auditTrail(@PathVariable UUID id, CurrentUser caller) {
        ZoneId zone = zone(caller.schoolId().orElseThrow());
        return mediations.auditTrail(id, caller).stream()
                .map(e -> new AuditLine(
                        e.occurredAt().atZone(zone).toOffsetDateTime(),
                        e.actorId(),
                        e.action().name()))
                .toList();
    }

    /** Who did what and when; never the content. */
    record AuditLine(OffsetDateTime occurredAt, String actorId, String action) {}

    @Operation(operationId = "placeLegalHold", summary = "Place a legal hold on a case's text")
    @PostMapping("/{id}/legal-hold")
    ResponseEntity<CaseView> placeLegalHold(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.placeLegalHold(id, caller, ifMatch));
    }

    @Operation(operationId = "releaseLegalHold", summary = "Release the legal hold of a case")
    @DeleteMapping("/{id}/legal-hold")
    ResponseEntity<CaseView> releaseLegalHold(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.releaseLegalHold(id, caller, ifMatch));
    }

    @Operation(operationId = "triageCase", summary = "Triage a case")
    @PostMapping("/{id}/triage")
    ResponseEntity<CaseView> triage(
            @PathVariable UUID id,
            @Valid @RequestBody TriageRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.triage(id, caller, ifMatch, request.triage()));
    }

    @Operation(operationId = "escalateCase", summary = "Escalate a case to coordinators only")
    @PostMapping("/{id}/escalation")
    ResponseEntity<CaseView> escalate(
            @PathVariable UUID id,
            @Valid @RequestBody EscalationRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.escalate(id, caller, ifMatch, request.reason()));
    }

    @Operation(operationId = "assignMediator", summary = "Assign a mediator to a case")
    @PostMapping("/{id}/mediators")
    ResponseEntity<CaseView> assign(
            @PathVariable UUID id,
            @Valid @RequestBody AssignRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.assign(id, caller, ifMatch, request.userId()));
    }

    @Operation(operationId = "unassignMediator", summary = "Take a mediator off a case")
    @DeleteMapping("/{id}/mediators/{mediatorId}")
    ResponseEntity<CaseView> unassign(
            @PathVariable UUID id,
            @PathVariable @Pattern(regexp = CaseRequests.USER_ID) String mediatorId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.unassign(id, caller, ifMatch, mediatorId));
    }

    @Operation(operationId = "objectToMediator", summary = "Object to a mediator (a party)")
    @PostMapping("/{id}/objections")
    ResponseEntity<CaseView> object(
            @PathVariable UUID id,
            @Valid @RequestBody ObjectionRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.object(id, caller, ifMatch, request.mediatorId()));
    }

    @Operation(operationId = "declareConflictOfInterest", summary = "Declare a conflict of interest (a mediator)")
    @PostMapping("/{id}/conflict-of-interest")
    ResponseEntity<CaseView> declareConflictOfInterest(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.declareConflictOfInterest(id, caller, ifMatch));
    }

    @Operation(operationId = "askForConsent", summary = "Ask the parties for their consent")
    @PostMapping("/{id}/consent-request")
    ResponseEntity<CaseView> askForConsent(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.askForConsent(id, caller, ifMatch));
    }

    @Operation(operationId = "answerConsent", summary = "Give or refuse consent to mediation")
    @PostMapping("/{id}/consents")
    ResponseEntity<CaseView> answerConsent(
            @PathVariable UUID id,
            @Valid @RequestBody ConsentRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.answerConsent(id, caller, ifMatch, request.answer()));
    }

    @Operation(operationId = "withdrawFromCase", summary = "Withdraw from a case (a party)")
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<CaseView> withdraw(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) WithdrawalRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        WithdrawalRequest body = request == null ? new WithdrawalRequest(null, null) : request;
        return answer(caller, mediations.withdraw(id, caller, ifMatch, body.withdrawal()));
    }

    @Operation(operationId = "scheduleSession", summary = "Schedule a mediation session")
    @PostMapping("/{id}/sessions")
    ResponseEntity<CaseView> scheduleSession(
            @PathVariable UUID id,
            @Valid @RequestBody SessionRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.scheduleSession(id, caller, ifMatch, request.plan()));
    }

    @Operation(operationId = "cancelSession", summary = "Cancel a mediation session")
    @PostMapping("/{id}/sessions/{sessionId}/cancellation")
    ResponseEntity<CaseView> cancelSession(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.cancelSession(id, caller, ifMatch, sessionId));
    }

    @Operation(operationId = "recordSessionNotes", summary = "Record a session's notes")
    @PutMapping("/{id}/sessions/{sessionId}/notes")
    ResponseEntity<CaseView> recordSessionNotes(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @Valid @RequestBody NotesRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.recordSessionNotes(id, caller, ifMatch, sessionId, request.notes()));
    }

    @Operation(operationId = "writeAgreement", summary = "Write the terms of the agreement")
    @PutMapping("/{id}/agreement")
    ResponseEntity<CaseView> writeAgreement(
            @PathVariable UUID id,
            @Valid @RequestBody AgreementRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.writeAgreement(id, caller, ifMatch, request.terms()));
    }

    @Operation(operationId = "signAgreement", summary = "Sign the agreement (a party, for themselves)")
    @PostMapping("/{id}/agreement/signatures")
    ResponseEntity<CaseView> sign(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.sign(id, caller, ifMatch));
    }

    @Operation(operationId = "recordNoAgreement", summary = "Record that no agreement was reached")
    @PostMapping("/{id}/no-agreement")
    ResponseEntity<CaseView> recordNoAgreement(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.recordNoAgreement(id, caller, ifMatch));
    }

    @Operation(operationId = "recordFollowUp", summary = "Record whether the agreement was kept")
    @PostMapping("/{id}/follow-up")
    ResponseEntity<CaseView> recordFollowUp(
            @PathVariable UUID id,
            @Valid @RequestBody FollowUpRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.recordFollowUp(id, caller, ifMatch, request.followUp()));
    }

    @Operation(operationId = "reopenCase", summary = "Reopen a case whose agreement was not kept")
    @PostMapping("/{id}/reopening")
    ResponseEntity<CaseView> reopen(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.reopen(id, caller, ifMatch));
    }

    @Operation(operationId = "closeCase", summary = "Close a case")
    @PostMapping("/{id}/closure")
    ResponseEntity<CaseView> close(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        return answer(caller, mediations.close(id, caller, ifMatch));
    }

    private ResponseEntity<CaseView> answer(CurrentUser caller, StoredMediation stored) {
        var seen = mediations.seen(stored, caller);
        if (seen.visibility() == Visibility.NONE) {
            // A party who just withdrew, or a mediator who just stepped aside, sees the status only.
            seen = new Mediations.Seen(stored, Visibility.STATUS, seen.viewer());
        }
        return ResponseEntity.ok()
                .eTag(etag(stored))
                .body(CaseView.of(seen, zone(stored.mediation().schoolId())));
    }

    private static String etag(StoredMediation stored) {
        return Versions.etag(stored.version());
    }

    /**
     * One line of a list: what everyone involved may see (no text). Who asked ({@code askedBy}, a kind of
     * person) and how many parties the request names ({@code partyCount}) are given to coordinators and to
     * whoever asked; to anyone else they are null. A guardian's line (their child's case, where the school asks
     * their consent) says the status, how urgent and when it was asked, and whether it waits for their consent.
     */
    record CaseSummary(
            UUID id,
            String kind,
            String status,
            String urgency,
            OffsetDateTime submittedAt,
            String outcome,

            @Schema(
                    description = "Who asked, as a kind of person: STUDENT, PARENT, TEACHER, STAFF, "
                            + "TRUST_BOX or IN_PERSON; null unless the caller is a coordinator or asked")
            String askedBy,

            @Schema(
                    description =
                            "How many parties the request names; null unless the caller is a coordinator or asked")
            Integer partyCount,

            @Schema(
                    description = "The next session to come that the caller would see on the case (the "
                            + "team every one, a party those they take part in); null when none")
            NextSession nextSession,

            @Schema(
                    description = "True when the caller sees this case only as the guardian of a party (their"
                            + " child) whose consent the school asks: the line is all a guardian's list shows")
            boolean asGuardian,

            @Schema(
                    description = "True while the case waits for the caller's own answer to the request for"
                            + " consent: as a party, or as a guardian for their child")
            boolean awaitingYourConsent) {
        static CaseSummary of(
                StoredMediation stored,
                ZoneId zone,
                Optional<Mediations.Request> request,
                Optional<Session> nextSession,
                Mediations.YourPart yourPart) {
            var m = stored.mediation();
            return new CaseSummary(
                    m.id(),
                    "MEDIATION",
                    m.status().name(),
                    m.request().urgency().name(),
                    CaseView.time(m.request().submittedAt(), zone),
                    m.outcome().map(Enum::name).orElse(null),
                    request.map(r -> r.askedBy().name()).orElse(null),
                    request.map(Mediations.Request::partyCount).orElse(null),
                    nextSession
                            .map(x -> new NextSession(CaseView.time(x.startsAt(), zone), x.place()))
                            .orElse(null),
                    yourPart.asGuardian(),
                    yourPart.awaitingYourConsent());
        }
    }

    /** When and where the next session is. */
    record NextSession(OffsetDateTime startsAt, String place) {}
}
