package kz.senim.membership.applications;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A coordinator scheduled (or moved) the interview of an application. Ids and times only. */
@EventType("kz.senim.membership.interview-scheduled.v1")
public record InterviewScheduled(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID applicationId,
        String userId,
        String schoolYear,
        String status,
        Instant interviewAt,
        String interviewerId)
        implements SenimEvent {

    static InterviewScheduled of(MembershipApplication a, Instant at) {
        return new InterviewScheduled(
                UUID.randomUUID(),
                a.schoolId(),
                at,
                a.id(),
                a.applicantId(),
                a.schoolYear().toString(),
                a.status().name(),
                a.interview().at(),
                a.interview().interviewerId());
    }

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
