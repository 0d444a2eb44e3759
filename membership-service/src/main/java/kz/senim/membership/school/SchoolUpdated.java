package kz.senim.membership.school;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A school's settings changed. Carries its id and settings, nothing personal. */
@EventType("kz.senim.membership.school-updated.v1")
public record SchoolUpdated(
        UUID eventId, String schoolId, Instant occurredAt, String timeZone, String defaultLanguage, int yearStartMonth)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return schoolId;
    }
}
