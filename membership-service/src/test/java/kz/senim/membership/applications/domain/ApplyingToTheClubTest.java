package kz.senim.membership.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.club.domain.AdmissionGrades;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.platform.SchoolYear;
import org.junit.jupiter.api.Test;

class ApplyingToTheClubTest {

    static final Instant NOW = Instant.parse("2025-10-01T06:00:00Z");
    static final Interview INTERVIEW = new Interview(NOW.plusSeconds(86400), "Room 204", "coordinator-1");

    static MembershipApplication submitted(int grade) {
        return MembershipApplication.submit(
                UUID.randomUUID(),
                "school-1",
                "student-1",
                grade,
                AdmissionGrades.DEFAULT,
                new SchoolYear(2025),
                "I want to help",
                "Tuesdays",
                NOW);
    }

    @Test
    void only_students_of_the_admission_grades_may_apply() {
        assertThat(submitted(8).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(submitted(11).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThatThrownBy(() -> submitted(7))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("grade-not-admitted"));
        assertThatThrownBy(() -> MembershipApplication.submit(
                        UUID.randomUUID(),
                        "s",
                        "a",
                        null,
                        AdmissionGrades.DEFAULT,
                        new SchoolYear(2025),
                        "m",
                        "a",
                        NOW))
                .isInstanceOf(RefusedByRule.class);
        assertThat(new AdmissionGrades(5, 9).admits(5)).isTrue();
    }

    @Test
    void a_coordinator_interviews_then_accepts_when_the_club_has_room() {
        MembershipApplication accepted =
                submitted(9).scheduleInterview(INTERVIEW).accept(true);

        assertThat(accepted.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(accepted.interview()).isEqualTo(INTERVIEW);
    }

    @Test
    void an_interview_may_be_moved_but_nobody_is_accepted_without_one() {
        MembershipApplication moved = submitted(9)
                .scheduleInterview(INTERVIEW)
                .scheduleInterview(new Interview(NOW.plusSeconds(7200), "Room 101", "coordinator-2"));
        assertThat(moved.interview().place()).isEqualTo("Room 101");
        assertThatThrownBy(() -> submitted(9).accept(true))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("acceptance-not-possible"));
    }

    @Test
    void when_the_club_is_full_an_accepted_student_is_waitlisted_and_accepted_once_a_place_is_free() {
        MembershipApplication waitlisted =
                submitted(9).scheduleInterview(INTERVIEW).accept(false);
        assertThat(waitlisted.status()).isEqualTo(ApplicationStatus.WAITLISTED);

        assertThatThrownBy(() -> waitlisted.accept(false))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("club-full"));
        assertThat(waitlisted.accept(true).status()).isEqualTo(ApplicationStatus.ACCEPTED);
    }

    @Test
    void a_coordinator_rejects_with_a_reason() {
        MembershipApplication rejected =
                submitted(10).scheduleInterview(INTERVIEW).reject("Not this year");

        assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("Not this year");
    }

    @Test
    void the_student_may_withdraw_while_the_application_is_open_and_then_nothing_more_happens() {
        assertThat(submitted(9).withdraw().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(submitted(9).scheduleInterview(INTERVIEW).withdraw().status())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(submitted(9)
                        .scheduleInterview(INTERVIEW)
                        .accept(false)
                        .withdraw()
                        .status())
                .isEqualTo(ApplicationStatus.WITHDRAWN);

        MembershipApplication withdrawn = submitted(9).withdraw();
        assertThatThrownBy(withdrawn::withdraw).isInstanceOf(RefusedByRule.class);
        assertThatThrownBy(() -> withdrawn.scheduleInterview(INTERVIEW)).isInstanceOf(RefusedByRule.class);
        assertThatThrownBy(() -> withdrawn.reject("late")).isInstanceOf(RefusedByRule.class);
    }

    @Test
    void a_decided_application_stays_decided() {
        MembershipApplication accepted =
                submitted(9).scheduleInterview(INTERVIEW).accept(true);

        assertThatThrownBy(() -> accepted.reject("changed mind"))
                .isInstanceOfSatisfying(
                        RefusedByRule.class, e -> assertThat(e.reason()).isEqualTo("application-closed"));
        assertThatThrownBy(accepted::withdraw).isInstanceOf(RefusedByRule.class);
    }
}
