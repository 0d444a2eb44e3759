package kz.senim.membership.members;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.members.domain.Member;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A member became CERTIFIED. Ids only; no names. */
@EventType("kz.senim.membership.member-certified.v1")
public record MemberCertified(
        UUID eventId, String schoolId, Instant occurredAt, String userId, String schoolYear, String status)
        implements SenimEvent, MembershipChanged {

    static MemberCertified of(Member member, Instant at) {
        return new MemberCertified(
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
