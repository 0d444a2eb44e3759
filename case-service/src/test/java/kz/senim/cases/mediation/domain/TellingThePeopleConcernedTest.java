package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_ERLAN;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.SCHOOL;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementProposed;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRequested;
import kz.senim.cases.mediation.domain.MediationEvent.MediationReopened;
import kz.senim.cases.mediation.domain.MediationEvent.SessionCancelled;
import kz.senim.cases.mediation.domain.MediationEvent.SessionScheduled;
import org.junit.jupiter.api.Test;

/**
 * The events say whom to tell by user id only: parties with an account, the case's mediators and
 * the online submitter; a person without an account, and the sender of a trust-box or in-person
 * request, are never named.
 */
class TellingThePeopleConcernedTest {

    @Test
    void asking_for_consent_names_the_parties_with_an_account_and_whose_guardian_consents_too() {
        MediationSettings guardiansBelowGrade8 = new MediationSettings(2, 8, 14, ZoneId.of("Asia/Almaty"));
        Party withoutAccount = new Party(UUID.randomUUID(), null, true, null, "Madina Sultanovna");
        Mediation mediation = Mediation.submit(
                SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.NORMAL,
                null,
                ALUA,
                List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 9), withoutAccount),
                "We argued",
                guardiansBelowGrade8,
                NOW);
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_COORDINATOR_MEDIATION, "adult party", false, NOW);
        mediation.assign(coordinator, MediatorCandidate.coordinator(Cases.COORDINATOR), Cases.directory, NOW);

        var events = mediation.askForConsent(coordinator, NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(ConsentRequested.class, e -> {
            assertThat(e.partyUserIds()).containsExactlyInAnyOrder(ALUA, BEKZAT);
            assertThat(e.guardianConsentUserIds()).containsExactly(ALUA);
            assertThat(e.partyCount()).isEqualTo(3);
            assertThat(e.toString()).doesNotContain("Madina");
        });
    }

    @Test
    void a_reopened_case_with_its_team_asks_the_parties_again() {
        Mediation mediation = Cases.followUp();
        mediation.recordFollowUp(dana, FollowUpResult.NOT_KEPT, NOW);

        var events = mediation.reopen(dana, NOW);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(MediationReopened.class);
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        ConsentRequested.class,
                        e -> assertThat(e.partyUserIds()).containsExactlyInAnyOrder(ALUA, BEKZAT));
    }

    @Test
    void a_session_names_its_participating_parties_and_the_mediators_when_scheduled_and_cancelled() {
        Mediation mediation = Cases.inMediation();

        var scheduled = mediation.scheduleSession(
                dana, SessionKind.INDIVIDUAL, Cases.later(60), "Room 204", Set.of(partyId(mediation, BEKZAT)), NOW);
        SessionScheduled event = (SessionScheduled) scheduled.getFirst();
        var cancelled = mediation.cancelSession(dana, event.sessionId(), NOW);

        assertThat(event.participantUserIds()).containsExactly(BEKZAT);
        assertThat(event.mediatorIds()).containsExactlyInAnyOrder(MEDIATOR_DANA, MEDIATOR_ERLAN);
        assertThat(cancelled).singleElement().isInstanceOfSatisfying(SessionCancelled.class, e -> {
            assertThat(e.participantUserIds()).containsExactly(BEKZAT);
            assertThat(e.mediatorIds()).containsExactlyInAnyOrder(MEDIATOR_DANA, MEDIATOR_ERLAN);
        });
    }

    @Test
    void written_terms_ask_every_party_to_sign_without_carrying_the_terms() {
        Mediation mediation = Cases.inMediation();

        var events = mediation.writeAgreement(
                dana,
                List.of(
                        new Commitment(partyId(mediation, ALUA), "I will return the pencil case"),
                        new Commitment(partyId(mediation, BEKZAT), "I will say sorry")),
                NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(AgreementProposed.class, e -> {
            assertThat(e.partyUserIds()).containsExactlyInAnyOrder(ALUA, BEKZAT);
            assertThat(e.commitmentCount()).isEqualTo(2);
            assertThat(e.toString()).doesNotContain("pencil").doesNotContain("sorry");
        });
    }

    @Test
    void closure_tells_the_online_submitter_but_never_names_an_in_person_or_trust_box_sender() {
        Mediation online = Cases.noAgreement();
        Mediation inPerson = Mediation.submit(
                SCHOOL,
                Channel.IN_PERSON,
                Urgency.NORMAL,
                null,
                Cases.COORDINATOR,
                List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 7)),
                "told in person",
                MediationSettings.DEFAULT,
                NOW);

        var closedOnline = online.close(dana, NOW);
        var withdrawn = inPerson.withdraw(Cases.alua, null, null, NOW);

        assertThat(closedOnline)
                .singleElement()
                .isInstanceOfSatisfying(
                        CaseClosed.class, e -> assertThat(e.submitterId()).isEqualTo(ALUA));
        assertThat(withdrawn)
                .filteredOn(CaseClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        CaseClosed.class, e -> assertThat(e.submitterId()).isNull());
    }
}
