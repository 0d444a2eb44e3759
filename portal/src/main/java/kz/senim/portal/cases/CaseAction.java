package kz.senim.portal.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.util.MultiValueMap;

/**
 * What a form of the case page asks the API to do, read from the posted form into a typed record: one record
 * per action, grouped in the families that one handler each sends ({@link TriageActions}, {@link TeamActions},
 * {@link PartyActions}, {@link SessionActions}, {@link AgreementActions}, {@link LegalHoldActions}). A record
 * whose fields are the API's request body is sent as it is (absent fields left out); fields that are a path's
 * variables or a header are not part of the body.
 */
sealed interface CaseAction {

    /**
     * The action posted to {@code /cases/{id}/{action}}, read from its form; empty for a name that is no action
     * (the portal answers 404, as for a path it does not know).
     *
     * @param schoolTime a local date-time typed into a form, as the ISO time the API takes
     */
    static Optional<CaseAction> read(
            String action, MultiValueMap<String, String> form, UnaryOperator<String> schoolTime) {
        return Optional.ofNullable(
                switch (action) {
                    case "triage" ->
                        new Triaging.Triage(
                                form.getFirst("decision"),
                                form.getFirst("reason"),
                                form.containsKey("safeguardingConcern"));
                    case "escalation" -> new Triaging.Escalate(form.getFirst("reason"));
                    case "assignment" -> new Staffing.Assign(form.getFirst("userId"));
                    case "unassignment" -> new Staffing.Unassign(form.getFirst("userId"));
                    case "objection" -> new Staffing.ObjectTo(form.getFirst("mediatorId"));
                    case "conflict-of-interest" -> new Staffing.DeclareConflictOfInterest();
                    case "identification" -> new Involving.Identify(form.getFirst("partyId"), form.getFirst("userId"));
                    case "consent-request" -> new Involving.AskForConsent();
                    case "consent" ->
                        new Involving.Consent(
                                form.getFirst("partyId"),
                                "true".equals(form.getFirst("given")),
                                form.containsKey("guardian"),
                                CasePages.blankToNull(form.getFirst("note")));
                    case "withdrawal" ->
                        new Involving.Withdraw(
                                form.containsKey("note"), form.getFirst("partyId"), form.getFirst("note"));
                    case "session" ->
                        new Meeting.Schedule(
                                form.getFirst("kind"),
                                schoolTime.apply(form.getFirst("startsAt")),
                                form.getFirst("place"),
                                form.getOrDefault("participants", List.of()));
                    case "session-cancellation" -> new Meeting.Cancel(form.getFirst("sessionId"));
                    case "notes" ->
                        new Meeting.WriteNotes(
                                form.getFirst("sessionId"),
                                form.getFirst("etag"),
                                java.util.Objects.toString(form.getFirst("notes"), ""));
                    case "agreement" -> new Agreeing.Write(form.getFirst("etag"), commitments(form));
                    case "signature" -> new Agreeing.Sign();
                    case "no-agreement" -> new Agreeing.RecordNoAgreement();
                    case "follow-up" -> new Agreeing.RecordFollowUp(form.getFirst("result"));
                    case "reopening" -> new Agreeing.Reopen();
                    case "closure" -> new Agreeing.Close();
                    case "legal-hold" -> new Holding.Place();
                    case "legal-hold-release" -> new Holding.Release();
                    default -> null;
                });
    }

    /** Each {@code commitment-<partyId>} field of the agreement's form, in the form's order. */
    private static List<Agreeing.Commitment> commitments(MultiValueMap<String, String> form) {
        List<Agreeing.Commitment> commitments = new ArrayList<>();
        form.forEach((field, values) -> {
            if (field.startsWith("commitment-") && values != null && !values.isEmpty()) {
                commitments.add(new Agreeing.Commitment(field.substring("commitment-".length()), values.getFirst()));
            }
        });
        return commitments;
    }

    /** Deciding what becomes of a request: triage, or an escalation of a safeguarding concern. */
    sealed interface Triaging extends CaseAction {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Triage(String decision, String reason, boolean safeguardingConcern) implements Triaging {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Escalate(String reason) implements Triaging {}
    }

    /** Who mediates: assigning and unassigning, a party's objection, a mediator's conflict of interest. */
    sealed interface Staffing extends CaseAction {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Assign(String userId) implements Staffing {}

        record Unassign(String userId) implements Staffing {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record ObjectTo(String mediatorId) implements Staffing {}

        record DeclareConflictOfInterest() implements Staffing {}
    }

    /** The parties: who a named person is, consent asked and given, a withdrawal. */
    sealed interface Involving extends CaseAction {
        /** {@code partyId} is the path's; the body is the person chosen. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Identify(@JsonIgnore String partyId, String userId) implements Involving {
            boolean nobodyChosen() {
                return userId == null || userId.isBlank();
            }
        }

        record AskForConsent() implements Involving {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Consent(String partyId, boolean given, boolean guardian, String note) implements Involving {}

        /** Sent with a body only when the form had a note field (a coordinator withdrawing a party). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Withdraw(@JsonIgnore boolean withNote, String partyId, String note) implements Involving {}
    }

    /** The sessions: scheduling, cancelling, and a session's notes (under If-Match). */
    sealed interface Meeting extends CaseAction {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Schedule(String kind, String startsAt, String place, List<String> participants) implements Meeting {}

        record Cancel(String sessionId) implements Meeting {}

        record WriteNotes(
                @JsonIgnore String sessionId, @JsonIgnore String etag, String notes) implements Meeting {}
    }

    /** The agreement and what follows it: written (under If-Match), signed, the outcome, the case's end. */
    sealed interface Agreeing extends CaseAction {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Commitment(String partyId, String text) {}

        record Write(@JsonIgnore String etag, List<Commitment> commitments) implements Agreeing {}

        record Sign() implements Agreeing {}

        record RecordNoAgreement() implements Agreeing {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record RecordFollowUp(String result) implements Agreeing {}

        record Reopen() implements Agreeing {}

        record Close() implements Agreeing {}
    }

    /** A legal hold keeps a case from the retention purge. */
    sealed interface Holding extends CaseAction {
        record Place() implements Holding {}

        record Release() implements Holding {}
    }
}
