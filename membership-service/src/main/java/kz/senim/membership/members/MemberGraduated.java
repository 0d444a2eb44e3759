package kz.senim.membership.members;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.members.domain.Member;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A member graduated and became an alumnus (ALUMNI). Ids only; no names. */
@EventType("kz.senim.membership.member-graduated.v1")
public record MemberGraduated(
        UUID eventId, String schoolId, Instant occurredAt, String userId, String schoolYear, String status)
        implements SenimEvent, MembershipChanged {

    static MemberGraduated of(Member member, Instant at) {
        return new MemberGraduated(
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
