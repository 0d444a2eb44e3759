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

    /** A coordinator flagged a concern for the sender's safety: ids and time only. */
    @EventType("kz.senim.cases.trust-box-safety-concern-flagged.v1")
    record TrustBoxSafetyConcernFlagged(UUID eventId, String schoolId, Instant occurredAt, UUID threadId)
            implements TrustBoxEvent {}

    /** A coordinator proposed to open an anonymous case; the sender answers with their receipt. */
    @EventType("kz.senim.cases.trust-box-case-proposed.v1")
    record TrustBoxCaseProposed(UUID eventId, String schoolId, Instant occurredAt, UUID threadId)
            implements TrustBoxEvent {}

    /** The sender agreed to, or declined, opening an anonymous case. */
    @EventType("kz.senim.cases.trust-box-case-proposal-answered.v1")
    record TrustBoxCaseProposalAnswered(
            UUID eventId, String schoolId, Instant occurredAt, UUID threadId, boolean agreed)
            implements TrustBoxEvent {}

    /** A coordinator opened the agreed anonymous case; {@code caseId} links the conversation to it. */
    @EventType("kz.senim.cases.trust-box-case-opened.v1")
    record TrustBoxCaseOpened(UUID eventId, String schoolId, Instant occurredAt, UUID threadId, UUID caseId)
            implements TrustBoxEvent {}
}
