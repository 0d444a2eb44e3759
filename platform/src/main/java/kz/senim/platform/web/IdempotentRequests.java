package kz.senim.platform.web;

import java.util.Optional;
import kz.senim.platform.problem.StateConflict;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key} of creating POSTs: remembers, per caller, kind of resource and key, which
 * resource the request created, in the creating transaction (table {@code idempotent_request}, platform
 * migration V0_3), so a retried request answers the resource created the first time. A key is scoped to
 * one caller and one kind of resource: the same key sent to create an activity and then a material
 * creates both.
 *
 * <p>Use: {@code earlier(caller, kind, key)} first and answer that resource if present; otherwise create
 * and call {@code remember(caller, kind, key, id)} in the same transaction. When two requests with one key race,
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

    /**
     * The id of the resource of this kind this caller created earlier with this key, if any; empty without
     * a key.
     *
     * @param kind the kind of resource the request creates, e.g. {@code activity}; without {@code /}
     */
    public Optional<String> earlier(String callerId, String kind, @Nullable String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select resource_id from idempotent_request
                        where caller_id = :caller and idempotency_key = :key
                        """)
                .param("caller", callerId)
                .param("key", scoped(kind, key))
                .query(String.class)
                .optional();
    }

    /**
     * Call inside the creating transaction, so that key and resource commit together; does nothing
     * without a key.
     *
     * @throws StateConflict {@code idempotency-key-in-use} when another request with this key got there first
     */
    public void remember(String callerId, String kind, @Nullable String key, String resourceId) {
        if (key == null || key.isBlank()) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into idempotent_request (caller_id, idempotency_key, resource_id)
                            values (:caller, :key, :resource)
                            """)
                    .param("caller", callerId)
                    .param("key", scoped(kind, key))
                    .param("resource", resourceId)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new StateConflict("idempotency-key-in-use", "Another request with this Idempotency-Key came first");
        }
    }

    /**
     * The stored key: the kind, {@code /}, the client's key. Kinds hold no {@code /}, so two kinds never
     * share a stored key (as case-service's {@code consultation/} keys, without a migration).
     */
    private static String scoped(String kind, String key) {
        if (kind.isBlank() || kind.indexOf('/') >= 0) {
            throw new IllegalArgumentException("A kind of resource is a word without '/': " + kind);
        }
        return kind + "/" + key;
    }
}
