package kz.senim.platform.web;

import java.util.Optional;
import kz.senim.platform.problem.StateConflict;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} of creating POSTs: remembers, per caller and key, which resource the request
 * created, in the creating transaction (table {@code idempotent_request}, platform migration V0_3), so
 * a retried request answers the resource created the first time.
 *
 * <p>Use: {@code earlier(caller, key)} first and answer that resource if present; otherwise create and
 * call {@code remember(caller, key, id)} in the same transaction. When two requests with one key race,
 * the second waits for the first's transaction and is refused with 409 {@code idempotency-key-in-use}
 * (its creation is rolled back), so a key never creates twice.
 */
public class IdempotentRequests {

    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;

    public IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the resource this caller created earlier with this key, if any; empty without a key. */
    public Optional<String> earlier(String callerId, @Nullable String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select resource_id from idempotent_request
                        where caller_id = :caller and idempotency_key = :key
                        """)
                .param("caller", callerId)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    /**
     * Call inside the creating transaction, so that key and resource commit together; does nothing
     * without a key.
     *
     * @throws StateConflict {@code idempotency-key-in-use} when another request with this key got there first
     */
    public void remember(String callerId, @Nullable String key, String resourceId) {
        if (key == null || key.isBlank()) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into idempotent_request (caller_id, idempotency_key, resource_id)
                            values (:caller, :key, :resource)
                            """)
                    .param("caller", callerId)
                    .param("key", key)
                    .param("resource", resourceId)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new StateConflict("idempotency-key-in-use", "Another request with this Idempotency-Key came first");
        }
    }
}
