package kz.senim.notification.mapping;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The parties taking part in a session, from case-service's session-scheduled event (user ids only). */
@Repository
class SessionParticipantRepository {

    private final JdbcClient jdbc;

    SessionParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID sessionId, Collection<String> userIds) {
        for (String userId : userIds) {
            jdbc.sql("insert into session_participant (session_id, user_id) values (:session, :user) "
                            + "on conflict do nothing")
                    .param("session", sessionId)
                    .param("user", userId)
                    .update();
        }
    }

    List<String> participantsOf(UUID sessionId) {
        return jdbc.sql("select user_id from session_participant where session_id = :session order by user_id")
                .param("session", sessionId)
                .query(String.class)
                .list();
    }
}
