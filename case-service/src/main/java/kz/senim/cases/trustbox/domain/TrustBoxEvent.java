package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** What happened in the trust box: ids and times only, never text, never anything about the sender. */
public sealed interface TrustBoxEvent extends SenimEvent {

    UUID threadId();

    @Override
    default String aggregateId() {
        return threadId().toString();
    }

    /** The sender wrote (the first message, or a reply to a coordinator). */
    @EventType("kz.senim.cases.trust-box-message-received.v1")
    record TrustBoxMessageReceived(
            UUID eventId, String schoolId, Instant occurredAt, UUID threadId, boolean firstMessage)
            implements TrustBoxEvent {}

    /** A coordinator answered; the sender sees it with their receipt. */
    @EventType("kz.senim.cases.trust-box-message-answered.v1")
    record TrustBoxMessageAnswered(UUID eventId, String schoolId, Instant occurredAt, UUID threadId)
            implements TrustBoxEvent {}
}
