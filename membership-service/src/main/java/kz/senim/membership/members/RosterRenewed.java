package kz.senim.membership.members;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A coordinator renewed the club's roster into a new school year. Counts only. */
@EventType("kz.senim.membership.roster-renewed.v1")
public record RosterRenewed(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        String schoolYear,
        String previousSchoolYear,
        int continuing,
        int graduated,
        int left)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return schoolId;
    }
}
