package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Confidentiality: who sees what of a case. */
class SeeingACaseTest {

    @Test
    void a_coordinator_of_the_school_sees_everything() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.visibilityFor(coordinator)).isEqualTo(Visibility.COORDINATOR);
        assertThat(mediation.mayReadDescription(coordinator)).isTrue();
    }

    @Test
    void a_mediator_sees_the_case_only_while_assigned() {
        Mediation mediation = Cases.inMediation();
        assertThat(mediation.visibilityFor(dana)).isEqualTo(Visibility.MEDIATOR);
        assertThat(mediation.mayReadDescription(dana)).isTrue();

        mediation.object(bekzat, Cases.MEDIATOR_DANA, NOW);

        assertThat(mediation.visibilityFor(dana)).isEqualTo(Visibility.NONE);
        assertThat(mediation.mayReadDescription(dana)).isFalse();
    }

    @Test
    void a_party_reads_their_own_submission_but_not_the_other_partys_story() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.visibilityFor(alua)).isEqualTo(Visibility.PARTY);
        assertThat(mediation.mayReadDescription(alua)).as("Alua submitted it").isTrue();
        assertThat(mediation.visibilityFor(bekzat)).isEqualTo(Visibility.PARTY);
        assertThat(mediation.mayReadDescription(bekzat)).isFalse();
    }

    @Test
    void whoever_referred_a_case_without_being_a_party_sees_its_status_only() {
        Mediation mediation = Mediation.submit(
                Cases.SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.HIGH,
                Cases.TEACHER,
                List.of(Party.student(Cases.ALUA, 7), Party.student(Cases.BEKZAT, 7)),
                "Two of my students fight",
                MediationSettings.DEFAULT,
                NOW);

        assertThat(mediation.visibilityFor(Actor.person(Cases.TEACHER))).isEqualTo(Visibility.STATUS);
        assertThat(mediation.mayReadDescription(Actor.person(Cases.TEACHER))).isFalse();
    }

    @Test
    void anyone_else_sees_nothing() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.visibilityFor(Actor.person(Cases.SOMEONE_ELSE))).isEqualTo(Visibility.NONE);
        assertThat(mediation.visibilityFor(Actor.person(Cases.MEDIATOR_FROM_7A)))
                .isEqualTo(Visibility.NONE);
    }
}
