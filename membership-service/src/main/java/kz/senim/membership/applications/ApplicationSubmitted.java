package kz.senim.membership.applications;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A student applied to join the club. Ids only; no motivation, no reason text, no names. */
@EventType("kz.senim.membership.application-submitted.v1")
public record ApplicationSubmitted(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID applicationId,
        String userId,
        String schoolYear,
        String status)
        implements SenimEvent {

    static ApplicationSubmitted of(MembershipApplication a, Instant at) {
        return new ApplicationSubmitted(
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
