package kz.senim.membership.members.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.platform.SchoolYear;
import org.junit.jupiter.api.Test;

class MembershipByYearTest {

    static final Instant NOW = Instant.parse("2026-06-01T06:00:00Z");
    static final SchoolYear YEAR = SchoolYear.parse("2025-2026");

    static Member trainee(String userId) {
        return Member.admit("school-1", userId, YEAR, NOW);
    }

    @Test
    void a_school_year_runs_from_the_schools_start_month() {
        assertThat(SchoolYear.containing(LocalDate.of(2025, 9, 1), 9)).hasToString("2025-2026");
        assertThat(SchoolYear.containing(LocalDate.of(2026, 8, 31), 9)).hasToString("2025-2026");
        assertThat(SchoolYear.containing(LocalDate.of(2026, 8, 31), 8)).hasToString("2026-2027");
        assertThat(YEAR.next()).hasToString("2026-2027");
        assertThatThrownBy(() -> SchoolYear.parse("2025-2027")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_member_is_a_trainee_until_certified_once() {
        Member certified = trainee("u1").certify("Ran two simulations well", NOW);

        assertThat(certified.status()).isEqualTo(MemberStatus.CERTIFIED);
        assertThat(certified.certificationNote()).isEqualTo("Ran two simulations well");
        assertThatThrownBy(() -> certified.certify(null, NOW))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("member-already-certified"));
    }

    @Test
    void a_member_may_leave_at_any_time_but_only_once() {
        assertThat(trainee("u1").leave(NOW).status()).isEqualTo(MemberStatus.LEFT);
        Member left = trainee("u1").certify(null, NOW).leave(NOW);
        assertThat(left.status()).isEqualTo(MemberStatus.LEFT);
        assertThatThrownBy(() -> left.leave(NOW))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("member-not-active"));
        assertThatThrownBy(() -> left.certify("x", NOW)).isInstanceOf(RefusedByRule.class);
    }

    @Test
    void at_rollover_continuing_members_carry_over_graduates_become_alumni_and_those_gone_leave() {
        List<Member> roster = List.of(
                trainee("grade9"),
                trainee("grade10").certify(null, NOW),
                trainee("grade11"),
                trainee("gone"),
                trainee("left-earlier").leave(NOW));

        RosterRenewal renewal = RosterRenewal.of(
                YEAR, roster, Map.of("grade9", 9, "grade10", 10, "grade11", 11, "left-earlier", 9), NOW);

        assertThat(renewal.to()).hasToString("2026-2027");
        assertThat(renewal.continuing())
                .extracting(Member::userId, Member::status, Member::schoolYear)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("grade9", MemberStatus.TRAINEE, YEAR.next()),
                        org.assertj.core.groups.Tuple.tuple("grade10", MemberStatus.CERTIFIED, YEAR.next()));
        assertThat(renewal.graduated())
                .extracting(Member::userId, Member::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grade11", MemberStatus.ALUMNI));
        assertThat(renewal.left()).extracting(Member::userId).containsExactly("gone");
    }
}
