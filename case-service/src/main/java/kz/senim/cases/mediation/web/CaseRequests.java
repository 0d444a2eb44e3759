package kz.senim.cases.mediation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.mediation.Mediations;
import kz.senim.cases.mediation.domain.Channel;
import kz.senim.cases.mediation.domain.Commitment;
import kz.senim.cases.mediation.domain.ConsentAnswer;
import kz.senim.cases.mediation.domain.ConsentAnswer.Answer;
import kz.senim.cases.mediation.domain.ConsentAnswer.Respondent;
import kz.senim.cases.mediation.domain.FollowUpResult;
import kz.senim.cases.mediation.domain.SessionKind;
import kz.senim.cases.mediation.domain.TriageDecision;
import kz.senim.cases.mediation.domain.Urgency;

/** The bodies of the mediation API. Kinds are strings with a pattern, so a wrong one is a field error. */
final class CaseRequests {

    static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";

    record SubmitRequest(
            @Pattern(regexp = "ONLINE_FORM|IN_PERSON") @Schema(defaultValue = "ONLINE_FORM")
            String channel,

            @Pattern(regexp = "LOW|NORMAL|HIGH") @Schema(defaultValue = "NORMAL")
            String urgency,

            @Pattern(regexp = "kk|ru|en") String preferredLanguage,

            @NotNull @Size(min = 2, max = 30) List<@NotNull @Valid PartyRequest> parties,
            @NotBlank @Size(max = 4000) String description) {

        Mediations.Submission submission() {
            return new Mediations.Submission(
                    channel == null ? Channel.ONLINE_FORM : Channel.valueOf(channel),
                    urgency == null ? Urgency.NORMAL : Urgency.valueOf(urgency),
                    preferredLanguage,
                    parties.stream()
                            .map(p -> new Mediations.NamedParty(p.userId(), p.name(), p.adult(), p.grade()))
                            .toList(),
                    description);
        }
    }

    /** A person of the school directory (userId), or a named person without an account (name, adult, grade). */
    record PartyRequest(
            @Pattern(regexp = USER_ID) String userId,
            @Size(max = 120) String name,
            Boolean adult,
            @Min(1) @Max(11) Integer grade) {

        @AssertTrue(message = "{Party}")
        @Schema(hidden = true)
        boolean isUserOrNamed() {
            return (userId == null) != (name == null || name.isBlank());
        }
    }

    record TriageRequest(
            @NotNull
            @Pattern(
                    regexp = "ACCEPT_FOR_PEER_MEDIATION|ACCEPT_FOR_COORDINATOR_MEDIATION|ROUTE_TO_CONSULTATION"
                            + "|ESCALATE|DECLINE")
            String decision,

            @NotBlank @Size(max = 2000) String reason,
            Boolean safeguardingConcern) {

        Mediations.Triage triage() {
            return new Mediations.Triage(
                    TriageDecision.valueOf(decision), reason, Boolean.TRUE.equals(safeguardingConcern));
        }
    }

    record EscalationRequest(@NotBlank @Size(max = 2000) String reason) {}

    record AssignRequest(@NotNull @Pattern(regexp = USER_ID) String userId) {}

    record ObjectionRequest(
            @NotNull @Pattern(regexp = USER_ID) String mediatorId) {}

    record ConsentRequest(
            @NotNull UUID partyId,
            Boolean guardian,
            @NotNull Boolean given,
            @Size(max = 1000) String note) {

        ConsentAnswer answer() {
            return new ConsentAnswer(
                    partyId,
                    Boolean.TRUE.equals(guardian) ? Respondent.GUARDIAN : Respondent.PARTY,
                    given ? Answer.GIVEN : Answer.REFUSED,
                    note);
        }
    }

    record WithdrawalRequest(UUID partyId, @Size(max = 1000) String note) {

        Mediations.Withdrawal withdrawal() {
            return new Mediations.Withdrawal(partyId, note);
        }
    }

    record SessionRequest(
            @NotNull @Pattern(regexp = "INDIVIDUAL|JOINT") String kind,
            @NotNull OffsetDateTime startsAt,
            @NotBlank @Size(max = 200) String place,
            @NotEmpty @Size(max = 30) List<@NotNull UUID> participants) {

        Mediations.SessionPlan plan() {
            return new Mediations.SessionPlan(
                    SessionKind.valueOf(kind), startsAt.toInstant(), place, new HashSet<>(participants));
        }
    }

    record NotesRequest(@NotNull @Size(max = 8000) String notes) {}

    record AgreementRequest(
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid CommitmentRequest> commitments) {

        List<Commitment> terms() {
            return commitments.stream()
                    .map(c -> new Commitment(c.partyId(), c.text()))
                    .toList();
        }
    }

    record CommitmentRequest(
            @NotNull UUID partyId,
            @NotBlank @Size(max = 1000) String text) {}

    record FollowUpRequest(
            @NotNull @Pattern(regexp = "KEPT|PARTLY_KEPT|NOT_KEPT")
            String result) {

        FollowUpResult followUp() {
            return FollowUpResult.valueOf(result);
        }
    }

    private CaseRequests() {}
}
