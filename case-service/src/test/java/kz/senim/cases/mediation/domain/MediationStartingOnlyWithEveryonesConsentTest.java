package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.PARENT_OF_ALUA;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.directory;
import static kz.senim.cases.mediation.domain.Cases.erlan;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentGiven;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRefused;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** Voluntariness: every party consents before mediation starts; a single refusal ends it. */
class MediationStartingOnlyWithEveryonesConsentTest {

    @Test
    void mediation_waits_until_the_last_party_consents() {
        Mediation mediation = Cases.awaitingConsent();

        var first = mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);
        assertThat(first).singleElement().isInstanceOfSatisfying(ConsentGiven.class, e -> {
            assertThat(e.onBehalf()).isFalse();
            assertThat(e.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);
        });

        mediation.answerConsent(bekzat, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
    }

    @Test
    void a_single_refusal_ends_the_case() {
        Mediation mediation = Cases.awaitingConsent();
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);

        var events = mediation.answerConsent(bekzat, ConsentAnswer.refused(partyId(mediation, BEKZAT)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.CLOSED);
        assertThat(mediation.outcome()).contains(Outcome.CONSENT_REFUSED);
        assertThat(events).hasExactlyElementsOfTypes(ConsentRefused.class, CaseClosed.class);
    }

    @Test
    void nobody_consents_for_another_party() {
        Mediation mediation = Cases.awaitingConsent();

        refused(
                mediation,
                () -> mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW),
                "nobody-consents-for-another");
        refused(
                mediation,
                () -> mediation.answerConsent(
                        dana, ConsentAnswer.given(partyId(mediation, BEKZAT)).noted("he agreed"), directory, NOW),
                "nobody-consents-for-another");
    }

    @Test
    void a_coordinator_records_a_consent_given_in_person_only_with_a_note() {
        Mediation mediation = Cases.awaitingConsent();

        refused(
                mediation,
                () -> mediation.answerConsent(
                        coordinator, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW),
                "nobody-consents-for-another");

        var events = mediation.answerConsent(
                coordinator,
                ConsentAnswer.given(partyId(mediation, BEKZAT)).noted("Said yes in room 204"),
                directory,
                NOW);

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ConsentGiven.class, e -> assertThat(e.onBehalf()).isTrue());
        assertThat(mediation.consents())
                .singleElement()
                .satisfies(c -> assertThat(c.note()).isEqualTo("Said yes in room 204"));
    }

    @Test
    void an_answer_is_given_once() {
        Mediation mediation = Cases.awaitingConsent();
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);

        refused(
                mediation,
                () -> mediation.answerConsent(alua, ConsentAnswer.refused(partyId(mediation, ALUA)), directory, NOW),
                "consent-already-recorded");
    }

    @Test
    void consent_is_asked_only_once_the_team_is_complete() {
        Mediation triaged = Cases.triaged();
        refused(triaged, () -> triaged.askForConsent(coordinator, NOW), "mediator-team-incomplete");

        Mediation assigned = Cases.mediatorsAssigned();
        refused(
                assigned,
                () -> assigned.answerConsent(alua, ConsentAnswer.given(partyId(assigned, ALUA)), directory, NOW),
                "not-awaiting-consent");
    }

    @Test
    void a_school_can_ask_for_a_guardians_consent_below_a_grade() {
        Mediation mediation = Cases.submitted(new MediationSettings(2, 8, 14, ZoneId.of("Asia/Almaty")));
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);
        mediation.assign(coordinator, Cases.danaCandidate, directory, NOW);
        mediation.assign(coordinator, Cases.erlanCandidate, directory, NOW);
        mediation.askForConsent(erlan, NOW);
        mediation.answerConsent(alua, ConsentAnswer.given(partyId(mediation, ALUA)), directory, NOW);
        mediation.answerConsent(bekzat, ConsentAnswer.given(partyId(mediation, BEKZAT)), directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);

        refused(
                mediation,
                () -> mediation.answerConsent(
                        Actor.person("a-stranger"),
                        ConsentAnswer.given(partyId(mediation, ALUA)).byGuardian(),
                        directory,
                        NOW),
                "nobody-consents-for-another");
        mediation.answerConsent(
                Actor.person(PARENT_OF_ALUA),
                ConsentAnswer.given(partyId(mediation, ALUA)).byGuardian(),
                directory,
                NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.AWAITING_CONSENT);
        mediation.answerConsent(
                coordinator,
                ConsentAnswer.given(partyId(mediation, BEKZAT)).byGuardian().noted("Mother called the office"),
                directory,
                NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
    }

    @Test
    void without_the_setting_no_guardian_consent_is_asked() {
        Mediation mediation = Cases.awaitingConsent();

        refused(
                mediation,
                () -> mediation.answerConsent(
                        Actor.person(PARENT_OF_ALUA),
                        ConsentAnswer.given(partyId(mediation, ALUA)).byGuardian(),
                        directory,
                        NOW),
                "guardian-consent-not-required");
    }

    @Test
    void a_guardians_refusal_ends_the_case_as_well() {
        Mediation mediation = Cases.submitted(new MediationSettings(1, 8, 14, ZoneId.of("Asia/Almaty")));
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);
        mediation.assign(coordinator, Cases.danaCandidate, directory, NOW);
        mediation.askForConsent(dana, NOW);

        mediation.answerConsent(
                Actor.person(PARENT_OF_ALUA),
                ConsentAnswer.refused(partyId(mediation, ALUA)).byGuardian(),
                directory,
                NOW);

        assertThat(mediation.outcome()).contains(Outcome.CONSENT_REFUSED);
    }
}
