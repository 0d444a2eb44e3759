package kz.senim.membership.applications;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** The student withdrew the application. Ids only; no motivation, no reason text, no names. */
@EventType("kz.senim.membership.application-withdrawn.v1")
public record ApplicationWithdrawn(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID applicationId,
        String userId,
        String schoolYear,
        String status)
        implements SenimEvent {

    static ApplicationWithdrawn of(MembershipApplication a, Instant at) {
        return new ApplicationWithdrawn(
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
