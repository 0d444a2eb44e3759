package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.RequestTriaged;
import org.junit.jupiter.api.Test;

/** A coordinator triages every request, once, with a recorded reason. */
class TriagingARequestTest {

    @Test
    void accepting_for_peer_mediation_triages_the_case() {
        Mediation mediation = Cases.submitted();

        var events =
                mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "Two students", false, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(mediation.triage().reason()).isEqualTo("Two students");
        assertThat(events).singleElement().isInstanceOfSatisfying(RequestTriaged.class, e -> {
            assertThat(e.decision()).isEqualTo(TriageDecision.ACCEPT_FOR_PEER_MEDIATION);
            assertThat(e.mediatedBy()).isEqualTo(MediatedBy.PEER_MEDIATORS);
        });
    }

    @Test
    void declining_closes_the_case_as_declined() {
        Mediation mediation = Cases.submitted();

        var events = mediation.triage(coordinator, TriageDecision.DECLINE, "Not a conflict", false, NOW);

        assertThat(mediation.outcome()).contains(Outcome.DECLINED);
        assertThat(events).hasExactlyElementsOfTypes(RequestTriaged.class, CaseClosed.class);
    }

    @Test
    void routing_to_consultation_closes_the_mediation() {
        Mediation mediation = Cases.submitted();

        mediation.triage(coordinator, TriageDecision.ROUTE_TO_CONSULTATION, "Needs advice", false, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.CLOSED);
        assertThat(mediation.outcome()).contains(Outcome.ROUTED_TO_CONSULTATION);
    }

    @Test
    void only_a_coordinator_triages() {
        Mediation mediation = Cases.submitted();

        refused(mediation, () -> mediation.triage(dana, TriageDecision.DECLINE, "no", false, NOW), "coordinators-only");
    }

    @Test
    void a_triage_decision_has_a_reason() {
        Mediation mediation = Cases.submitted();

        assertThatThrownBy(() -> mediation.triage(coordinator, TriageDecision.DECLINE, " ", false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(mediation.status()).isEqualTo(MediationStatus.SUBMITTED);
    }

    @Test
    void a_request_is_triaged_once() {
        Mediation mediation = Cases.triaged();

        refused(
                mediation,
                () -> mediation.triage(coordinator, TriageDecision.DECLINE, "again", false, NOW),
                "case-already-triaged");
    }
}
