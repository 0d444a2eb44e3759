package kz.senim.membership.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.membership.people.domain.Person;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A person joined the school's directory. No names, no e-mail. */
@EventType("kz.senim.membership.person-registered.v1")
public record PersonRegistered(
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

    static PersonRegistered of(Person p, Instant at) {
        return new PersonRegistered(
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
