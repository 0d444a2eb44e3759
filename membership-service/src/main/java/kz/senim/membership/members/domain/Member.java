package kz.senim.membership.members.domain;

import java.time.Instant;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.platform.SchoolYear;

/**
 * A young mediator of a school's club in one school year. Membership is voluntary: a member may
 * leave at any time. A trainee becomes certified when the curriculum is complete or a coordinator
 * certifies them; a graduate becomes an alumnus at the year's rollover.
 */
public record Member(
        String schoolId,
        String userId,
        SchoolYear schoolYear,
        MemberStatus status,
        Instant admittedAt,
        Instant certifiedAt,
        String certificationNote,
        Instant leftAt,
        long version) {

    public static Member admit(String schoolId, String userId, SchoolYear year, Instant at) {
        return new Member(schoolId, userId, year, MemberStatus.TRAINEE, at, null, null, null, 0);
    }

    /** TRAINEE → CERTIFIED; the note is the coordinator's (null when the curriculum certified them). */
    public Member certify(String note, Instant at) {
        if (status == MemberStatus.CERTIFIED) {
            throw new RefusedByRule("member-already-certified", "The member is already certified");
        }
        if (status != MemberStatus.TRAINEE) {
            throw new RefusedByRule("member-not-active", "The member has left the club");
        }
        return new Member(schoolId, userId, schoolYear, MemberStatus.CERTIFIED, admittedAt, at, note, null, version);
    }

    /** Anyone active may leave, at any time (voluntariness). */
    public Member leave(Instant at) {
        if (!status.isActive()) {
            throw new RefusedByRule("member-not-active", "The member has already left the club");
        }
        return new Member(
                schoolId,
                userId,
                schoolYear,
                MemberStatus.LEFT,
                admittedAt,
                certifiedAt,
                certificationNote,
                at,
                version);
    }

    public Member graduate(Instant at) {
        if (!status.isActive()) {
            throw new RefusedByRule("member-not-active", "The member has already left the club");
        }
        return new Member(
                schoolId,
                userId,
                schoolYear,
                MemberStatus.ALUMNI,
                admittedAt,
                certifiedAt,
                certificationNote,
                at,
                version);
    }

    /** The same member in the next school year, keeping their certification. */
    public Member continueInto(SchoolYear next, Instant at) {
        if (!status.isActive()) {
            throw new RefusedByRule("member-not-active", "The member has already left the club");
        }
        return new Member(schoolId, userId, next, status, at, certifiedAt, certificationNote, null, 0);
    }
}
