package kz.senim.membership.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.membership.people.domain.Person;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A directory entry changed; carries the whole new entry. No names, no e-mail. */
@EventType("kz.senim.membership.person-updated.v1")
public record PersonUpdated(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        String userId,
        String role,
        Integer grade,
        String classLetter,
        List<String> guardianOf,
        String language)
        implements SenimEvent {

    static PersonUpdated of(Person p, Instant at) {
        return new PersonUpdated(
                UUID.randomUUID(),
                p.schoolId(),
                at,
                p.userId(),
                p.role().realmName(),
                p.grade(),
                p.classLetter(),
                List.copyOf(p.guardianOf()),
                p.language());
    }

    @Override
    public String aggregateId() {
        return userId;
    }
}
