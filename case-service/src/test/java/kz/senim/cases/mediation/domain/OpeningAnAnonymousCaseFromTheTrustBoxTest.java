package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpeningAnAnonymousCaseFromTheTrustBoxTest {

    Mediation anonymous = Mediation.fromTrustBox(
            "demo-school-1", Urgency.HIGH, "they spread rumours", MediationSettings.DEFAULT, NOW);

    @Test
    void an_anonymous_case_has_no_submitter_and_no_named_parties() {
        assertThat(anonymous.request().channel()).isEqualTo(Channel.TRUST_BOX);
        assertThat(anonymous.request().submittedBy()).isNull();
        assertThat(anonymous.state().request().parties()).isEmpty();
        assertThat(anonymous.submitted(userId -> Optional.empty()).partyCount()).isZero();
    }

    @Test
    void only_coordinators_see_an_anonymous_case() {
        assertThat(anonymous.confidentiality().visibilityFor(coordinator)).isEqualTo(Visibility.COORDINATOR);
        assertThat(anonymous.confidentiality().visibilityFor(alua)).isEqualTo(Visibility.NONE);
        assertThat(anonymous.confidentiality().mayReadDescription(alua)).isFalse();
    }

    @Test
    void an_anonymous_case_is_not_routed_to_a_consultation_of_its_own() {
        assertThatThrownBy(() -> anonymous.triage(
                        coordinator, TriageDecision.ROUTE_TO_CONSULTATION, "advice is enough", false, NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, r -> assertThat(r.reason()).isEqualTo("trust-box-case-not-routable"));
    }

    @Test
    void an_anonymous_case_may_be_escalated() {
        assertThat(anonymous.escalate(coordinator, "threats", NOW)).isNotEmpty();
    }
}
