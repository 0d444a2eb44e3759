package kz.senim.membership.school;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A school (tenant) joined Senim. Carries its id and settings, nothing personal. */
@EventType("kz.senim.membership.school-registered.v1")
public record SchoolRegistered(
        UUID eventId, String schoolId, Instant occurredAt, String timeZone, String defaultLanguage)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return schoolId;
    }
}
