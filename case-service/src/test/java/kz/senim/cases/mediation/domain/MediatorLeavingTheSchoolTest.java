package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_ERLAN;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.SOMEONE_ELSE;
import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;
import org.junit.jupiter.api.Test;

/** A mediator who leaves the school is taken off its open cases, as the case rules take off any mediator. */
class MediatorLeavingTheSchoolTest {

    @Test
    void a_mediator_who_left_is_unassigned_and_the_incomplete_team_goes_back_to_triage() {
        Mediation mediation = Cases.awaitingConsent();

        var events = mediation.mediatorLeftTheSchool(MEDIATOR_DANA, NOW);

        assertThat(events)
                .filteredOn(MediatorUnassigned.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(MediatorUnassigned.class, e -> {
                    assertThat(e.mediatorId()).isEqualTo(MEDIATOR_DANA);
                    assertThat(e.reason()).isEqualTo(UnassignmentReason.LEFT_SCHOOL);
                });
        assertThat(mediation.isAssignedMediator(MEDIATOR_DANA)).isFalse();
        assertThat(mediation.isAssignedMediator(MEDIATOR_ERLAN)).isTrue();
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
    }

    @Test
    void someone_who_mediates_nothing_here_changes_nothing() {
        Mediation mediation = Cases.mediatorsAssigned();

        assertThat(mediation.mediatorLeftTheSchool(SOMEONE_ELSE, NOW)).isEmpty();
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_withdrawn_case_keeps_its_team_as_it_was() {
        Mediation mediation = Cases.awaitingConsent();
        mediation.withdraw(Cases.bekzat, null, null, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.WITHDRAWN);

        assertThat(mediation.mediatorLeftTheSchool(MEDIATOR_DANA, NOW)).isEmpty();
        assertThat(mediation.status()).isEqualTo(MediationStatus.WITHDRAWN);
    }
}
