package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** Confidentiality: who sees what of a case. */
class SeeingACaseTest {

    @Test
    void a_coordinator_of_the_school_sees_everything() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.confidentiality().visibilityFor(coordinator)).isEqualTo(Visibility.COORDINATOR);
        assertThat(mediation.confidentiality().mayReadDescription(coordinator)).isTrue();
    }

    @Test
    void a_mediator_sees_the_case_only_while_assigned() {
        Mediation mediation = Cases.inMediation();
        assertThat(mediation.confidentiality().visibilityFor(dana)).isEqualTo(Visibility.MEDIATOR);
        assertThat(mediation.confidentiality().mayReadDescription(dana)).isTrue();

        mediation.object(bekzat, Cases.MEDIATOR_DANA, NOW);

        assertThat(mediation.confidentiality().visibilityFor(dana)).isEqualTo(Visibility.NONE);
        assertThat(mediation.confidentiality().mayReadDescription(dana)).isFalse();
    }

    @Test
    void a_party_reads_their_own_submission_but_not_the_other_partys_story() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.confidentiality().visibilityFor(alua)).isEqualTo(Visibility.PARTY);
        assertThat(mediation.confidentiality().mayReadDescription(alua))
                .as("Alua submitted it")
                .isTrue();
        assertThat(mediation.confidentiality().visibilityFor(bekzat)).isEqualTo(Visibility.PARTY);
        assertThat(mediation.confidentiality().mayReadDescription(bekzat)).isFalse();
    }

    @Test
    void whoever_referred_a_case_without_being_a_party_sees_its_status_only() {
        Mediation mediation = Mediation.submit(
                Cases.SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.HIGH,
                null,
                Cases.TEACHER,
                List.of(Party.student(Cases.ALUA, 7), Party.student(Cases.BEKZAT, 7)),
                "Two of my students fight",
                MediationSettings.DEFAULT,
                NOW);

        assertThat(mediation.confidentiality().visibilityFor(Actor.person(Cases.TEACHER)))
                .isEqualTo(Visibility.STATUS);
        assertThat(mediation.confidentiality().mayReadDescription(Actor.person(Cases.TEACHER)))
                .isFalse();
    }

    @Test
    void anyone_else_sees_nothing() {
        Mediation mediation = Cases.inMediation();

        assertThat(mediation.confidentiality().visibilityFor(Actor.person(Cases.SOMEONE_ELSE)))
                .isEqualTo(Visibility.NONE);
        assertThat(mediation.confidentiality().visibilityFor(Actor.person(Cases.MEDIATOR_FROM_7A)))
                .isEqualTo(Visibility.NONE);
    }

    // ---- a guardian asked for consent (issue 15) ----------------------------------------------

    static final MediationSettings GUARDIANS_BELOW_9 =
            new MediationSettings(2, 9, 14, MediationSettings.DEFAULT.timeZone());

    @Test
    void a_guardian_whose_consent_the_school_asks_sees_the_case_as_a_guardian_and_reads_nothing_said_in_it() {
        Mediation mediation = Cases.submitted(GUARDIANS_BELOW_9);
        Actor parent = Actor.person(Cases.PARENT_OF_ALUA);

        assertThat(mediation.confidentiality().visibilityFor(parent, Cases.directory))
                .isEqualTo(Visibility.GUARDIAN);
        assertThat(mediation.confidentiality().wardsOf(parent, Cases.directory))
                .extracting(Party::userId)
                .containsExactly(Cases.ALUA);
        assertThat(mediation.confidentiality().mayReadDescription(parent)).isFalse();
        assertThat(mediation.confidentiality().visibilityFor(parent))
                .as("without the directory, nobody is a guardian")
                .isEqualTo(Visibility.NONE);
    }

    @Test
    void nobody_else_is_a_guardian_of_the_case() {
        Mediation withoutGuardians = Cases.submitted();
        Actor parent = Actor.person(Cases.PARENT_OF_ALUA);
        assertThat(withoutGuardians.confidentiality().visibilityFor(parent, Cases.directory))
                .as("the school does not ask guardians")
                .isEqualTo(Visibility.NONE);

        Mediation olderChild = Cases.submitted(new MediationSettings(2, 7, 14, MediationSettings.DEFAULT.timeZone()));
        assertThat(olderChild.confidentiality().visibilityFor(parent, Cases.directory))
                .as("a grade-7 student needs no guardian when only grades below 7 do")
                .isEqualTo(Visibility.NONE);

        Mediation asked = Cases.submitted(GUARDIANS_BELOW_9);
        assertThat(asked.confidentiality().visibilityFor(Actor.person(Cases.SOMEONE_ELSE), Cases.directory))
                .isEqualTo(Visibility.NONE);
        assertThat(asked.confidentiality().visibilityFor(alua, Cases.directory))
                .as("a party stays a party")
                .isEqualTo(Visibility.PARTY);
    }

    @Test
    void a_guardian_answers_for_their_child_only_and_sees_their_answer() {
        Mediation mediation = Cases.submitted(GUARDIANS_BELOW_9);
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "two students", false, NOW);
        mediation.assign(coordinator, Cases.danaCandidate, Cases.directory, NOW);
        mediation.assign(coordinator, Cases.erlanCandidate, Cases.directory, NOW);
        mediation.askForConsent(dana, NOW);
        Actor parent = Actor.person(Cases.PARENT_OF_ALUA);
        java.util.UUID aluaParty = Cases.partyId(mediation, Cases.ALUA);
        assertThat(mediation.guardianConsentOf(aluaParty)).isEmpty();

        var events =
                mediation.answerConsent(parent, ConsentAnswer.given(aluaParty).byGuardian(), Cases.directory, NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(MediationEvent.ConsentGiven.class, e -> {
            assertThat(e.guardian()).isTrue();
            assertThat(e.onBehalf()).isFalse();
        });
        assertThat(mediation.guardianConsentOf(aluaParty)).contains(true);
        Refusals.refused(
                mediation,
                () -> mediation.answerConsent(
                        parent,
                        ConsentAnswer.given(Cases.partyId(mediation, Cases.BEKZAT))
                                .byGuardian(),
                        Cases.directory,
                        NOW),
                "nobody-consents-for-another");
    }
}
