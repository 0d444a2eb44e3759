package kz.senim.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event that leaves its service: published inside the business transaction, recorded
 * by the outbox and sent to the service's Kafka topic after commit. Implementations are
 * past-tense records annotated with {@link EventType}; they carry ids, kinds, statuses and
 * times only, never confidential content or names.
 */
public interface SenimEvent {

    /** Unique per event; becomes {@code ce_id}, the consumers' idempotency key. */
    UUID eventId();

    /** The school the event belongs to; becomes {@code ce_schoolid}. */
    String schoolId();

    /** When it happened; becomes {@code ce_time}. */
    Instant occurredAt();

    /** The aggregate id: Kafka key (ordering per aggregate) and {@code ce_subject}. */
    String aggregateId();
}
