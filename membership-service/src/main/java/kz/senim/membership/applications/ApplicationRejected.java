package kz.senim.membership.applications;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** An application was rejected (the reason stays in the service). Ids only; no motivation, no reason text, no names. */
@EventType("kz.senim.membership.application-rejected.v1")
public record ApplicationRejected(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID applicationId,
        String userId,
        String schoolYear,
        String status)
        implements SenimEvent {

    static ApplicationRejected of(MembershipApplication a, Instant at) {
        return new ApplicationRejected(
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
