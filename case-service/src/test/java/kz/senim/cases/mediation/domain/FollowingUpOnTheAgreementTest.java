package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import kz.senim.cases.mediation.domain.MediationEvent.FollowUpDue;
import kz.senim.cases.mediation.domain.MediationEvent.MediationReopened;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orientation to the future: every agreement is followed up, and one not kept can bring the parties back. */
class FollowingUpOnTheAgreementTest {

    @Test
    void the_follow_up_is_not_due_before_its_date() {
        Mediation mediation = Cases.agreementReached();

        refused(mediation, () -> mediation.followUpDue(NOW.plus(Duration.ofDays(13))), "follow-up-not-due");
    }

    @Test
    void on_its_date_the_follow_up_is_due() {
        Mediation mediation = Cases.agreementReached();

        var events = mediation.followUpDue(NOW.plus(Duration.ofDays(14)));

        assertThat(mediation.status()).isEqualTo(MediationStatus.FOLLOW_UP);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        FollowUpDue.class, e -> assertThat(e.followUpDate()).isEqualTo(LocalDate.of(2026, 12, 10)));
    }

    @Test
    void a_school_sets_its_own_follow_up_period() {
        Mediation mediation = Cases.submitted(new MediationSettings(2, null, 7, ZoneId.of("Asia/Almaty")));
        mediation.triage(Cases.coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);
        mediation.assign(Cases.coordinator, Cases.danaCandidate, Cases.directory, NOW);
        mediation.assign(Cases.coordinator, Cases.erlanCandidate, Cases.directory, NOW);
        mediation.askForConsent(dana, NOW);
        for (Actor party : new Actor[] {Cases.alua, Cases.bekzat}) {
            mediation.answerConsent(
                    party,
                    ConsentAnswer.given(mediation.partyOf(party).orElseThrow().id()),
                    Cases.directory,
                    NOW);
        }
        mediation.writeAgreement(
                dana,
                mediation.parties().stream()
                        .map(p -> new Commitment(p.id(), "be kind"))
                        .toList(),
                Cases.NOW);
        mediation.sign(Cases.alua, NOW);
        mediation.sign(Cases.bekzat, NOW);

        assertThat(mediation.followUpDate()).contains(LocalDate.of(2026, 12, 3));
    }

    @ParameterizedTest
    @CsvSource({"KEPT, AGREEMENT_KEPT", "PARTLY_KEPT, AGREEMENT_PARTLY_KEPT", "NOT_KEPT, AGREEMENT_NOT_KEPT"})
    void the_follow_up_result_becomes_the_outcome_at_closure(FollowUpResult result, Outcome outcome) {
        Mediation mediation = Cases.followUp();

        mediation.recordFollowUp(dana, result, NOW);
        mediation.close(dana, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.CLOSED);
        assertThat(mediation.outcome()).contains(outcome);
    }

    @Test
    void a_case_is_not_closed_before_its_follow_up_is_recorded() {
        Mediation mediation = Cases.followUp();

        refused(mediation, () -> mediation.close(dana, NOW), "case-not-ready-to-close");
    }

    @Test
    void an_agreement_not_kept_reopens_mediation_and_the_parties_consent_again() {
        Mediation mediation = Cases.followUp();
        mediation.recordFollowUp(dana, FollowUpResult.NOT_KEPT, NOW);

        var events = mediation.reopen(dana, NOW);

        assertThat(events).first().isInstanceOf(MediationReopened.class);
        assertThat(events).last().isInstanceOf(MediationEvent.ConsentRequested.class);
        assertThat(mediation.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);
        assertThat(mediation.consents()).isEmpty();
        assertThat(mediation.agreement()).isEmpty();
    }

    @Test
    void an_agreement_kept_or_partly_kept_does_not_reopen() {
        Mediation mediation = Cases.followUp();
        mediation.recordFollowUp(dana, FollowUpResult.PARTLY_KEPT, NOW);

        refused(mediation, () -> mediation.reopen(dana, NOW), "reopen-needs-agreement-not-kept");
    }

    @Test
    void only_the_case_team_records_the_follow_up() {
        Mediation mediation = Cases.followUp();

        refused(mediation, () -> mediation.recordFollowUp(alua, FollowUpResult.KEPT, NOW), "case-team-only");
    }

    @Test
    void on_its_date_the_team_records_the_follow_up_without_waiting_for_the_reminder() {
        Mediation mediation = Cases.agreementReached();

        var events = mediation.recordFollowUp(dana, FollowUpResult.KEPT, NOW.plus(Duration.ofDays(14)));

        assertThat(events).hasSize(2);
        assertThat(events.getFirst()).isInstanceOf(FollowUpDue.class);
        assertThat(events.getLast()).isInstanceOf(MediationEvent.FollowUpRecorded.class);
        assertThat(mediation.status()).isEqualTo(MediationStatus.FOLLOW_UP);
        assertThat(mediation.followUp().result()).isEqualTo(FollowUpResult.KEPT);
    }

    @Test
    void before_its_date_the_follow_up_is_not_recorded() {
        Mediation mediation = Cases.agreementReached();

        refused(
                mediation,
                () -> mediation.recordFollowUp(dana, FollowUpResult.KEPT, NOW.plus(Duration.ofDays(13))),
                "follow-up-not-due");
    }

    @Test
    void only_the_case_team_makes_the_follow_up_due_by_recording_it() {
        Mediation mediation = Cases.agreementReached();

        refused(
                mediation,
                () -> mediation.recordFollowUp(alua, FollowUpResult.KEPT, NOW.plus(Duration.ofDays(14))),
                "case-team-only");
    }
}
