package kz.senim.membership.members;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.members.domain.Member;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A member left the club (LEFT). Ids only; no names. */
@EventType("kz.senim.membership.member-left.v1")
public record MemberLeft(
        UUID eventId, String schoolId, Instant occurredAt, String userId, String schoolYear, String status)
        implements SenimEvent, MembershipChanged {

    static MemberLeft of(Member member, Instant at) {
        return new MemberLeft(
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
