package kz.senim.membership.people;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A person left the school's directory. */
@EventType("kz.senim.membership.person-removed.v1")
public record PersonRemoved(UUID eventId, String schoolId, Instant occurredAt, String userId) implements SenimEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
