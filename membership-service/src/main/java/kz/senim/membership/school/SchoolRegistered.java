package kz.senim.membership.school;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/**
 * A school (tenant) joined Senim. Carries its id and settings, nothing personal; {@code yearStartMonth} (the month
 * its school year starts in) was added within v1, so consumers reading older records do without it.
 */
@EventType("kz.senim.membership.school-registered.v1")
public record SchoolRegistered(
        UUID eventId, String schoolId, Instant occurredAt, String timeZone, String defaultLanguage, int yearStartMonth)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return schoolId;
    }
}
