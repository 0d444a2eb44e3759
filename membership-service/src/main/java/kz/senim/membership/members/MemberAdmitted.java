package kz.senim.membership.members;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.members.domain.Member;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A student was admitted to the club for a school year (TRAINEE, or CERTIFIED when carried over). Ids only; no names. */
@EventType("kz.senim.membership.member-admitted.v1")
public record MemberAdmitted(
        UUID eventId, String schoolId, Instant occurredAt, String userId, String schoolYear, String status)
        implements SenimEvent, MembershipChanged {

    static MemberAdmitted of(Member member, Instant at) {
        return new MemberAdmitted(
                UUID.randomUUID(),
                member.schoolId(),
                at,
                member.userId(),
                member.schoolYear().toString(),
                member.status().name());
    }

    @Override
    public String aggregateId() {
        return userId;
    }
}
