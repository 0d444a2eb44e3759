package kz.senim.membership.members.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.platform.SchoolYear;

/**
 * Renewing the club's roster into the next school year: active members in grade 11 graduate and
 * become alumni; members no longer in the directory as students leave; every other active member
 * continues into the new year with the status they had. Members who had left stay behind.
 *
 * @param continuing the new year's entries of continuing members
 * @param graduated last year's entries of graduates, now ALUMNI
 * @param left last year's entries of members who are no longer students of the school, now LEFT
 */
public record RosterRenewal(
        SchoolYear from, SchoolYear to, List<Member> continuing, List<Member> graduated, List<Member> left) {

    public static final int FINAL_GRADE = 11;

    public static RosterRenewal of(
            SchoolYear from, List<Member> roster, Map<String, Integer> gradeOfStudent, Instant at) {
        List<Member> continuing = new ArrayList<>();
        List<Member> graduated = new ArrayList<>();
        List<Member> left = new ArrayList<>();
        for (Member member : roster) {
            if (!member.schoolYear().equals(from)) {
                throw new IllegalArgumentException("A member of another year is not on this roster");
            }
            if (!member.status().isActive()) {
                continue;
            }
            Integer grade = gradeOfStudent.get(member.userId());
            if (grade == null) {
                left.add(member.leave(at));
            } else if (grade >= FINAL_GRADE) {
                graduated.add(member.graduate(at));
            } else {
                continuing.add(member.continueInto(from.next(), at));
            }
        }
        return new RosterRenewal(from, from.next(), List.copyOf(continuing), List.copyOf(graduated), List.copyOf(left));
    }
}
