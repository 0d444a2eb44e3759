package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.COORDINATOR;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.danaCandidate;
import static kz.senim.cases.mediation.domain.Cases.directory;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.RequestEscalated;
import kz.senim.cases.mediation.domain.MediationEvent.RequestTriaged;
import org.junit.jupiter.api.Test;

/** Equality of the parties: young mediators handle student–student conflicts without a power imbalance only. */
class PeerMediationOnlyBetweenStudentsTest {

    @Test
    void a_conflict_with_an_adult_party_is_never_accepted_for_peer_mediation() {
        Mediation mediation = Cases.withAdult();

        refused(
                mediation,
                () -> mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW),
                "peer-mediation-not-allowed");
    }

    @Test
    void a_conflict_with_an_adult_party_is_mediated_by_a_coordinator_alone() {
        Mediation mediation = Cases.withAdult();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_COORDINATOR_MEDIATION, "teacher involved", false, NOW);

        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "peer-mediation-not-allowed");

        mediation.assign(coordinator, MediatorCandidate.coordinator("coordinator-second"), directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_safeguarding_concern_is_never_peer_mediated() {
        Mediation mediation = Cases.submitted();

        refused(
                mediation,
                () -> mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "bullying", true, NOW),
                "peer-mediation-not-allowed");
    }

    @Test
    void an_escalated_case_is_handled_by_coordinators_and_never_reaches_young_mediators() {
        Mediation mediation = Cases.submitted();

        var events = mediation.triage(coordinator, TriageDecision.ESCALATE, "threat to health", true, NOW);

        assertThat(events).hasExactlyElementsOfTypes(RequestTriaged.class, RequestEscalated.class);
        assertThat(mediation.escalated()).isTrue();
        assertThat(mediation.mediatedBy()).contains(MediatedBy.COORDINATORS);
        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "peer-mediation-not-allowed");
        assertThat(mediation.visibilityFor(Cases.dana)).isEqualTo(Visibility.NONE);
    }

    @Test
    void escalating_during_mediation_takes_the_young_mediators_off_at_once() {
        Mediation mediation = Cases.inMediation();

        var events = mediation.escalate(coordinator, "violence came up in a session", NOW);

        assertThat(events.getFirst()).isInstanceOf(RequestEscalated.class);
        assertThat(events.subList(1, events.size()))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(MediatorUnassigned.class));
        assertThat(mediation.mediators()).isEmpty();
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(mediation.visibilityFor(Cases.dana)).isEqualTo(Visibility.NONE);
        assertThat(mediation.visibilityFor(Cases.erlan)).isEqualTo(Visibility.NONE);
    }

    @Test
    void a_coordinator_closes_an_escalated_case_handled_outside_mediation() {
        Mediation mediation = Cases.submitted();
        mediation.triage(coordinator, TriageDecision.ESCALATE, "abuse", true, NOW);

        mediation.close(Actor.coordinator(COORDINATOR), NOW);

        assertThat(mediation.outcome()).contains(Outcome.ESCALATED);
    }
}
