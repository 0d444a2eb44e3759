package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sessions on their own: who takes part, cancelled once, and those still to come. */
class SessionsTest {

    private final Party alua = Party.student(ALUA, 7);
    private final Party bekzat = Party.student(BEKZAT, 7);
    private final List<Party> parties = List.of(alua, bekzat);

    @Test
    void an_individual_session_has_one_party_a_joint_one_at_least_two_all_of_the_case() {
        assertThat(refusal(
                        Sessions.planned(SessionKind.INDIVIDUAL, later(60), "Room 1", Set.of(alua.id(), bekzat.id()))))
                .isEqualTo("individual-session-has-one-party");
        assertThat(refusal(Sessions.planned(SessionKind.JOINT, later(60), "Room 1", Set.of(alua.id()))))
                .isEqualTo("joint-session-has-parties");
        assertThat(refusal(Sessions.planned(SessionKind.INDIVIDUAL, later(60), "Room 1", Set.of(UUID.randomUUID()))))
                .isEqualTo("unknown-party");
    }

    @Test
    void only_the_sessions_still_to_come_are_cancelled_and_each_once() {
        Session past = Sessions.planned(SessionKind.INDIVIDUAL, later(-60), "Room 1", Set.of(alua.id()));
        Session toCome = Sessions.planned(SessionKind.JOINT, later(60), "Room 2", Set.of(alua.id(), bekzat.id()));
        Sessions sessions = Sessions.NONE.schedule(past, parties).schedule(toCome, parties);

        assertThat(sessions.toCome(NOW)).containsExactly(toCome);
        Sessions after = sessions.withoutThoseToCome(NOW);
        assertThat(after.session(toCome.id()).cancelled()).isTrue();
        assertThat(after.session(past.id()).cancelled()).isFalse();
        assertThat(after.toCome(NOW)).isEmpty();
        assertThatThrownBy(() -> after.cancel(toCome.id()))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("session-already-cancelled"));
    }

    @Test
    void notes_are_kept_until_the_purge() {
        Session session = Sessions.planned(SessionKind.INDIVIDUAL, later(60), "Room 1", Set.of(alua.id()));
        Sessions noted = Sessions.NONE.schedule(session, parties).withNotes(session.id(), "she was upset");

        assertThat(noted.session(session.id()).notes()).isEqualTo("she was upset");
        assertThat(noted.purged().session(session.id()).notes()).isNull();
        assertThatThrownBy(() -> noted.withNotes(UUID.randomUUID(), "x"))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("unknown-session"));
    }

    private String refusal(Session session) {
        try {
            Sessions.NONE.schedule(session, parties);
            return null;
        } catch (MediationRefused refused) {
            return refused.reason();
        }
    }
}
