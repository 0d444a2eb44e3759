package kz.senim.cases.consultation.domain;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** What happened to a consultation or question: ids, kinds, statuses and times; never the question or answer. */
public sealed interface ConsultationEvent extends SenimEvent {

    UUID consultationId();

    @Override
    default String aggregateId() {
        return consultationId().toString();
    }

    @EventType("kz.senim.cases.consultation-requested.v1")
    record ConsultationRequested(
            UUID eventId, String schoolId, Instant occurredAt, UUID consultationId, ConsultationKind kind)
            implements ConsultationEvent {}

    @EventType("kz.senim.cases.consultation-answered.v1")
    record ConsultationAnswered(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID consultationId,
            ConsultationKind kind,
            boolean inMeeting,
            boolean peerAdvice,
            String askerId)
            implements ConsultationEvent {}

    @EventType("kz.senim.cases.consultation-closed.v1")
    record ConsultationClosed(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID consultationId,
            ConsultationKind kind,
            ConsultationStatus status)
            implements ConsultationEvent {}
}
