package kz.senim.membership.applications;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** The application was accepted while the club was full: the student waits for a place. Ids only; no motivation, no reason text, no names. */
@EventType("kz.senim.membership.application-waitlisted.v1")
public record ApplicationWaitlisted(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID applicationId,
        String userId,
        String schoolYear,
        String status)
        implements SenimEvent {

    static ApplicationWaitlisted of(MembershipApplication a, Instant at) {
        return new ApplicationWaitlisted(
                UUID.randomUUID(),
                a.schoolId(),
                at,
                a.id(),
                a.applicantId(),
                a.schoolYear().toString(),
                a.status().name());
    }

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
