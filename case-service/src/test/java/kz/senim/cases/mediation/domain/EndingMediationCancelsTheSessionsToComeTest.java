package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.later;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.NoAgreementReached;
import kz.senim.cases.mediation.domain.MediationEvent.PartyWithdrew;
import kz.senim.cases.mediation.domain.MediationEvent.SessionCancelled;
import org.junit.jupiter.api.Test;

/**
 * Voluntariness: sessions are held only while the parties take part in mediation. Every way the case
 * ends (or loses the team they consented to) cancels the sessions still to come, each with its event,
 * so that nobody is reminded of a session that will not take place; a session already held stays.
 */
class EndingMediationCancelsTheSessionsToComeTest {

    private Mediation mediation;
    private UUID held;
    private UUID individual;
    private UUID joint;

    /** In mediation with a session yesterday, an individual one tomorrow and a joint one next week. */
    private Mediation withSessions(Mediation inMediation) {
        mediation = inMediation;
        held = scheduled(SessionKind.INDIVIDUAL, NOW.minus(Duration.ofDays(1)), Set.of(partyId(mediation, ALUA)));
        individual = scheduled(SessionKind.INDIVIDUAL, NOW.plus(Duration.ofDays(1)), Set.of(partyId(mediation, ALUA)));
        joint = scheduled(
                SessionKind.JOINT,
                NOW.plus(Duration.ofDays(7)),
                Set.of(partyId(mediation, ALUA), partyId(mediation, BEKZAT)));
        return mediation;
    }

    private UUID scheduled(SessionKind kind, Instant startsAt, Set<UUID> participants) {
        var event = (MediationEvent.SessionScheduled) mediation
                .scheduleSession(dana, kind, startsAt, "Room 204", participants, NOW.minus(Duration.ofDays(2)))
                .getFirst();
        return event.sessionId();
    }

    @Test
    void a_party_who_withdraws_is_never_reminded_of_a_session_again() {
        withSessions(Cases.inMediation());

        var events = mediation.withdraw(bekzat, null, null, later(5));

        assertThat(events.getFirst()).isInstanceOf(PartyWithdrew.class);
        assertThat(events.getLast()).isInstanceOf(CaseClosed.class);
        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
        assertOnlyTheSessionsToComeAreCancelled();
        SessionCancelled jointCancelled = events.stream()
                .filter(SessionCancelled.class::isInstance)
                .map(SessionCancelled.class::cast)
                .filter(e -> e.sessionId().equals(joint))
                .findFirst()
                .orElseThrow();
        assertThat(jointCancelled.participantUserIds()).containsExactlyInAnyOrder(ALUA, BEKZAT);
        assertThat(jointCancelled.mediatorIds()).contains(MEDIATOR_DANA);
    }

    @Test
    void a_coordinator_recording_a_withdrawal_in_person_cancels_them_too() {
        withSessions(Cases.inMediation());

        var events = mediation.withdraw(coordinator, partyId(mediation, ALUA), "Said so in the office", later(5));

        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
    }

    @Test
    void no_agreement_ends_mediation_and_its_sessions() {
        withSessions(Cases.inMediation());

        var events = mediation.recordNoAgreement(dana, later(5));

        assertThat(events.getFirst()).isInstanceOf(NoAgreementReached.class);
        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
        assertOnlyTheSessionsToComeAreCancelled();
        assertThat(mediation.close(dana, later(10)))
                .as("closing afterwards has nothing left to cancel")
                .singleElement()
                .isInstanceOf(CaseClosed.class);
    }

    @Test
    void closing_an_escalated_case_cancels_them() {
        // A young mediator and a coordinator: after the escalation the coordinator carries on alone.
        Mediation coMediated = Cases.triaged();
        coMediated.assign(coordinator, Cases.danaCandidate, Cases.directory, NOW);
        coMediated.assign(coordinator, MediatorCandidate.coordinator(Cases.COORDINATOR), Cases.directory, NOW);
        coMediated.askForConsent(dana, NOW);
        coMediated.answerConsent(alua, ConsentAnswer.given(partyId(coMediated, ALUA)), Cases.directory, NOW);
        coMediated.answerConsent(bekzat, ConsentAnswer.given(partyId(coMediated, BEKZAT)), Cases.directory, NOW);
        withSessions(coMediated);
        var escalation = mediation.escalate(coordinator, "a safeguarding concern came up", later(1));
        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
        assertThat(cancelled(escalation))
                .as("the coordinator still holds the sessions")
                .isEmpty();

        var events = mediation.close(coordinator, later(5));

        assertThat(events.getLast()).isInstanceOf(CaseClosed.class);
        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
        assertOnlyTheSessionsToComeAreCancelled();
    }

    @Test
    void escalation_away_from_the_young_mediators_cancels_the_sessions_planned_with_them() {
        withSessions(Cases.inMediation());

        var events = mediation.escalate(coordinator, "a safeguarding concern came up", later(5));

        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(events).filteredOn(MediatorUnassigned.class::isInstance).hasSize(2);
        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
        assertOnlyTheSessionsToComeAreCancelled();
    }

    @Test
    void an_objection_that_leaves_the_team_incomplete_cancels_them() {
        withSessions(Cases.inMediation());

        var events = mediation.object(alua, MEDIATOR_DANA, later(5));

        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(cancelled(events)).containsExactlyInAnyOrder(individual, joint);
    }

    @Test
    void the_purge_cancels_a_session_a_case_closed_earlier_left_behind() {
        // A case closed before closing cancelled its sessions: restored with a session still to come.
        withSessions(Cases.inMediation());
        Mediation.State open = mediation.state();
        Instant closedAt = NOW.plus(Duration.ofHours(1));
        Instant farAhead = NOW.plus(Duration.ofDays(800));
        List<Session> sessions = List.of(new Session(
                UUID.randomUUID(),
                SessionKind.JOINT,
                farAhead,
                "Room 204",
                Set.of(partyId(mediation, ALUA)),
                false,
                null));
        Mediation closed = Mediation.restore(new Mediation.State(
                open.request(),
                MediationStatus.WITHDRAWN,
                open.settings(),
                open.triage(),
                open.team(),
                open.consents(),
                new Sessions(sessions),
                open.agreement(),
                open.followUp(),
                new Closure(Outcome.WITHDRAWN, closedAt),
                Retention.KEPT));

        var events = closed.purge(Duration.ofDays(365), closedAt.plus(Duration.ofDays(365)))
                .orElseThrow();

        assertThat(cancelled(events)).containsExactly(sessions.getFirst().id());
        assertThat(closed.sessions()).allMatch(Session::cancelled);
    }

    @Test
    void a_session_cancelled_earlier_is_not_cancelled_twice() {
        withSessions(Cases.inMediation());
        mediation.cancelSession(dana, joint, NOW);

        var events = mediation.withdraw(alua, null, null, later(5));

        assertThat(cancelled(events)).containsExactly(individual);
    }

    private void assertOnlyTheSessionsToComeAreCancelled() {
        for (Session session : mediation.sessions()) {
            assertThat(session.cancelled())
                    .as("session %s", session.id())
                    .isEqualTo(!session.id().equals(held));
        }
    }

    private static List<UUID> cancelled(List<MediationEvent> events) {
        return events.stream()
                .filter(SessionCancelled.class::isInstance)
                .map(e -> ((SessionCancelled) e).sessionId())
                .toList();
    }
}
