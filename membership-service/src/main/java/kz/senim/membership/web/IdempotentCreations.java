package kz.senim.membership.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers which resource a creating POST with an {@code Idempotency-Key} made, per school and
 * caller, in the same transaction as the creation, so a retried request answers the same resource.
 */
@Component
public class IdempotentCreations {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentCreations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The resource created earlier with this key, if any. */
    public Optional<String> earlier(String schoolId, String callerId, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select resource from idempotent_creation
                        where school_id = :school and caller_id = :caller and idempotency_key = :key
                        """)
                .param("school", schoolId)
                .param("caller", callerId)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    public void remember(String schoolId, String callerId, String key, String resource) {
        if (key == null || key.isBlank()) {
            return;
        }
        jdbc.sql("""
                        insert into idempotent_creation (school_id, caller_id, idempotency_key, resource, created_at)
                        values (:school, :caller, :key, :resource, :at)
                        """)
                .param("school", schoolId)
                .param("caller", callerId)
                .param("key", key)
                .param("resource", resource)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
