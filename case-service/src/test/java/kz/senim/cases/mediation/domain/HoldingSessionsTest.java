package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.partyId;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.senim.cases.mediation.domain.MediationEvent.SessionCancelled;
import kz.senim.cases.mediation.domain.MediationEvent.SessionScheduled;
import org.junit.jupiter.api.Test;

class HoldingSessionsTest {

    @Test
    void the_team_schedules_individual_and_joint_sessions_once_mediation_started() {
        Mediation mediation = Cases.inMediation();

        var individual = mediation.scheduleSession(
                dana, SessionKind.INDIVIDUAL, Cases.later(60), "Room 204", Set.of(partyId(mediation, ALUA)), NOW);
        var joint = mediation.scheduleSession(
                dana,
                SessionKind.JOINT,
                Cases.later(120),
                "Room 204",
                Set.of(partyId(mediation, ALUA), partyId(mediation, BEKZAT)),
                NOW);

        assertThat(individual).singleElement().isInstanceOf(SessionScheduled.class);
        assertThat(joint)
                .singleElement()
                .isInstanceOfSatisfying(
                        SessionScheduled.class,
                        e -> assertThat(e.participantCount()).isEqualTo(2));
        assertThat(mediation.sessions()).hasSize(2);
    }

    @Test
    void no_session_before_every_party_consented() {
        Mediation mediation = Cases.awaitingConsent();

        refused(
                mediation,
                () -> mediation.scheduleSession(
                        dana, SessionKind.INDIVIDUAL, Cases.later(60), "Room", Set.of(partyId(mediation, ALUA)), NOW),
                "mediation-not-in-progress");
    }

    @Test
    void an_individual_session_has_one_party_and_a_joint_one_several() {
        Mediation mediation = Cases.inMediation();
        Set<java.util.UUID> both = Set.of(partyId(mediation, ALUA), partyId(mediation, BEKZAT));

        refused(
                mediation,
                () -> mediation.scheduleSession(dana, SessionKind.INDIVIDUAL, Cases.later(1), "Room", both, NOW),
                "individual-session-has-one-party");
        refused(
                mediation,
                () -> mediation.scheduleSession(
                        dana, SessionKind.JOINT, Cases.later(1), "Room", Set.of(partyId(mediation, ALUA)), NOW),
                "joint-session-has-parties");
    }

    @Test
    void a_party_does_not_schedule_or_write_session_notes() {
        Mediation mediation = Cases.inMediation();

        refused(
                mediation,
                () -> mediation.scheduleSession(
                        alua, SessionKind.INDIVIDUAL, Cases.later(1), "Room", Set.of(partyId(mediation, ALUA)), NOW),
                "case-team-only");
    }

    @Test
    void a_session_is_cancelled_once_and_its_notes_stay_with_the_case() {
        Mediation mediation = Cases.inMediation();
        mediation.scheduleSession(
                dana, SessionKind.INDIVIDUAL, Cases.later(60), "Room", Set.of(partyId(mediation, ALUA)), NOW);
        var session = mediation.sessions().getFirst().id();

        mediation.recordSessionNotes(dana, session, "Alua felt unheard");
        var cancelled = mediation.cancelSession(dana, session, NOW);

        assertThat(cancelled).singleElement().isInstanceOf(SessionCancelled.class);
        assertThat(mediation.sessions().getFirst().notes()).isEqualTo("Alua felt unheard");
        refused(mediation, () -> mediation.cancelSession(dana, session, NOW), "session-already-cancelled");
    }
}
