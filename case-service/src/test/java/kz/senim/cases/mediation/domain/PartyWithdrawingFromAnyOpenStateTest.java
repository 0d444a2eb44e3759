package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.PartyWithdrew;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Voluntariness: any party may stop the process at any moment, without blame. */
class PartyWithdrawingFromAnyOpenStateTest {

    static final Map<MediationStatus, Supplier<Mediation>> EVERY_OPEN_STATE = Map.of(
            MediationStatus.SUBMITTED, Cases::submitted,
            MediationStatus.TRIAGED, Cases::triaged,
            MediationStatus.MEDIATORS_ASSIGNED, Cases::mediatorsAssigned,
            MediationStatus.AWAITING_CONSENT, Cases::awaitingConsent,
            MediationStatus.IN_MEDIATION, Cases::inMediation,
            MediationStatus.AGREEMENT_REACHED, Cases::agreementReached,
            MediationStatus.NO_AGREEMENT, Cases::noAgreement,
            MediationStatus.FOLLOW_UP, Cases::followUp);

    static Stream<MediationStatus> openStates() {
        return EVERY_OPEN_STATE.keySet().stream().sorted();
    }

    @Test
    void every_open_state_of_the_lifecycle_is_covered() {
        assertThat(EVERY_OPEN_STATE.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(MediationStatus.values())
                        .filter(MediationStatus::isOpen)
                        .toList());
        EVERY_OPEN_STATE.forEach(
                (status, mediation) -> assertThat(mediation.get().status()).isEqualTo(status));
    }

    @ParameterizedTest
    @MethodSource("openStates")
    void a_party_withdraws_and_the_case_ends_as_withdrawn(MediationStatus state) {
        Mediation mediation = EVERY_OPEN_STATE.get(state).get();

        var events = mediation.withdraw(bekzat, null, null, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.WITHDRAWN);
        assertThat(mediation.outcome()).contains(Outcome.WITHDRAWN);
        assertThat(mediation.closure().closedAt()).isEqualTo(NOW);
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        PartyWithdrew.class, e -> assertThat(e.fromStatus()).isEqualTo(state));
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        CaseClosed.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.WITHDRAWN));
    }

    @ParameterizedTest
    @MethodSource("openStates")
    void a_coordinator_records_a_withdrawal_told_in_person_with_a_note(MediationStatus state) {
        Mediation mediation = EVERY_OPEN_STATE.get(state).get();

        mediation.withdraw(coordinator, partyId(mediation, ALUA), "Said so in the office", NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.WITHDRAWN);
    }

    @Test
    void the_withdrawal_names_nobody_so_it_blames_nobody() {
        assertThat(Arrays.stream(PartyWithdrew.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("eventId", "schoolId", "occurredAt", "caseId", "fromStatus");
    }

    @Test
    void a_mediator_cannot_withdraw_a_party() {
        Mediation mediation = Cases.inMediation();

        refused(
                mediation,
                () -> mediation.withdraw(dana, partyId(mediation, ALUA), "tired", NOW),
                "only-a-party-withdraws");
    }

    @Test
    void a_coordinator_withdrawing_for_a_party_notes_how_it_was_said() {
        Mediation mediation = Cases.inMediation();

        refused(
                mediation,
                () -> mediation.withdraw(coordinator, partyId(mediation, ALUA), " ", NOW),
                "only-a-party-withdraws");
    }

    @Test
    void a_closed_or_withdrawn_case_cannot_be_withdrawn_from() {
        Mediation withdrawn = Cases.inMediation();
        withdrawn.withdraw(alua, null, null, NOW);
        Mediation declined = Cases.submitted();
        declined.triage(coordinator, TriageDecision.DECLINE, "Not a conflict", false, NOW);

        for (Mediation ended : new Mediation[] {withdrawn, declined}) {
            assertThat(EnumSet.of(MediationStatus.CLOSED, MediationStatus.WITHDRAWN))
                    .contains(ended.status());
            refused(ended, () -> ended.withdraw(bekzat, null, null, NOW), "case-not-open");
        }
    }
}
