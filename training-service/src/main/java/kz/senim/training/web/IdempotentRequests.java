package kz.senim.training.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers what a creating POST with an {@code Idempotency-Key} created, per caller, so that a
 * retried request answers with the same resource instead of creating a second one.
 */
@Component
public class IdempotentRequests {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> previous(String userId, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select resource_id from idempotent_request where user_id = :user and idempotency_key = :key")
                .param("user", userId)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    /** Call inside the creating transaction, so the key and the resource commit together. */
    public void remember(String userId, String key, String resourceId) {
        if (key == null || key.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into idempotent_request (user_id, idempotency_key, resource_id, created_at)
                values (:user, :key, :resource, :at) on conflict do nothing
                """)
                .param("user", userId)
                .param("key", key)
                .param("resource", resourceId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
