package kz.senim.training.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.platform.problem.StateConflict;
import kz.senim.training.curriculum.domain.CurriculumModule;
import org.junit.jupiter.api.Test;

class ActivityRulesTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    static Activity activity(ActivityType type) {
        return new Activity(
                UUID.randomUUID(),
                "demo-gymnasium-1",
                null,
                type,
                "Lesson",
                new Audience(Set.of(AudienceGroup.STUDENTS), 1, 9),
                Set.of("mediator-1"),
                START,
                START.plusSeconds(3600),
                ZoneId.of("Asia/Almaty"),
                "Room 12",
                2,
                "kk",
                true,
                Set.of(CurriculumModule.ACTIVE_LISTENING),
                ActivityStatus.SCHEDULED,
                null,
                0);
    }

    @Test
    void a_scheduled_activity_is_completed_or_cancelled_and_then_stays_so() {
        Activity completed = activity(ActivityType.TRAINING).complete(START.plusSeconds(60));
        Activity cancelled = activity(ActivityType.TRAINING).cancel();

        assertThat(completed.status()).isEqualTo(ActivityStatus.COMPLETED);
        assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
        assertThatThrownBy(completed::cancel)
                .isInstanceOf(StateConflict.class)
                .extracting(e -> ((StateConflict) e).reason())
                .isEqualTo("activity-completed");
        assertThatThrownBy(() -> cancelled.complete(START.plusSeconds(60)))
                .isInstanceOf(StateConflict.class)
                .extracting(e -> ((StateConflict) e).reason())
                .isEqualTo("activity-cancelled");
        assertThatThrownBy(() -> cancelled.reschedule(START, START.plusSeconds(60), "Hall"))
                .isInstanceOf(StateConflict.class);
    }

    @Test
    void an_activity_that_has_not_started_cannot_be_completed() {
        assertThatThrownBy(() -> activity(ActivityType.TRAINING).complete(START.minusSeconds(1)))
                .isInstanceOf(StateConflict.class)
                .extracting(e -> ((StateConflict) e).reason())
                .isEqualTo("activity-not-started");
    }

    @Test
    void rescheduling_changes_time_and_place_and_the_version() {
        Activity moved = activity(ActivityType.CLUB_MEETING)
                .reschedule(START.plusSeconds(86400), START.plusSeconds(90000), "Hall");

        assertThat(moved.startsAt()).isEqualTo(START.plusSeconds(86400));
        assertThat(moved.place()).isEqualTo("Hall");
        assertThat(moved.version()).isEqualTo(1);
    }

    @Test
    void only_the_activitys_own_facilitators_record_attendance_once_it_has_started_and_unless_cancelled() {
        Activity lesson = activity(ActivityType.PEER_LESSON);

        lesson.requireAttendanceRecordableBy("mediator-1", START);
        assertThatThrownBy(() -> lesson.requireAttendanceRecordableBy("mediator-2", START))
                .isInstanceOf(Activity.NotAFacilitator.class);
        assertThatThrownBy(() -> lesson.requireAttendanceRecordableBy("mediator-1", START.minusSeconds(1)))
                .isInstanceOf(StateConflict.class);
        assertThatThrownBy(() -> lesson.cancel().requireAttendanceRecordableBy("mediator-1", START))
                .isInstanceOf(StateConflict.class);
    }

    @Test
    void a_coordinator_records_attendance_without_facilitating_but_only_once_started_and_unless_cancelled() {
        Activity lesson = activity(ActivityType.PEER_LESSON);

        lesson.requireAttendanceRecordable(START);
        assertThatThrownBy(() -> lesson.requireAttendanceRecordable(START.minusSeconds(1)))
                .isInstanceOf(StateConflict.class);
        assertThatThrownBy(() -> lesson.cancel().requireAttendanceRecordable(START))
                .isInstanceOf(StateConflict.class);
    }

    @Test
    void a_head_count_for_a_whole_class_is_kept_only_at_a_peer_lesson() {
        assertThat(activity(ActivityType.PEER_LESSON).countHeads(27).headCount())
                .isEqualTo(27);
        assertThatThrownBy(() -> activity(ActivityType.TRAINING).countHeads(27))
                .isInstanceOf(StateConflict.class)
                .extracting(e -> ((StateConflict) e).reason())
                .isEqualTo("head-count-only-for-peer-lessons");
    }

    @Test
    void an_activity_ends_after_it_starts_and_has_a_facilitator() {
        assertThatThrownBy(() -> new Activity(
                        UUID.randomUUID(),
                        "s",
                        null,
                        ActivityType.TRAINING,
                        "t",
                        new Audience(Set.of(AudienceGroup.TEACHERS), null, null),
                        Set.of("c"),
                        START,
                        START,
                        ZoneId.of("Asia/Almaty"),
                        "p",
                        null,
                        "ru",
                        true,
                        Set.of(),
                        ActivityStatus.SCHEDULED,
                        null,
                        0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Activity(
                        UUID.randomUUID(),
                        "s",
                        null,
                        ActivityType.TRAINING,
                        "t",
                        new Audience(Set.of(AudienceGroup.TEACHERS), null, null),
                        Set.of(),
                        START,
                        START.plusSeconds(1),
                        ZoneId.of("Asia/Almaty"),
                        "p",
                        null,
                        "ru",
                        true,
                        Set.of(),
                        ActivityStatus.SCHEDULED,
                        null,
                        0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registration_needs_an_open_scheduled_activity() {
        assertThatThrownBy(() -> activity(ActivityType.TRAINING).cancel().requireOpenForRegistration(START))
                .isInstanceOf(StateConflict.class);
        assertThat(activity(ActivityType.TRAINING).cancel().takesRegistrations(START.minusSeconds(60)))
                .isFalse();
    }

    @Test
    void registration_ends_when_the_activity_starts() {
        Activity activity = activity(ActivityType.TRAINING);

        activity.requireOpenForRegistration(START.minusSeconds(1));
        assertThat(activity.takesRegistrations(START.minusSeconds(1))).isTrue();
        for (Instant late : List.of(START, START.plusSeconds(60), START.plusSeconds(7200))) {
            assertThatThrownBy(() -> activity.requireOpenForRegistration(late))
                    .isInstanceOf(StateConflict.class)
                    .extracting(e -> ((StateConflict) e).reason())
                    .isEqualTo("activity-already-started");
            assertThat(activity.takesRegistrations(late)).isFalse();
        }
    }
}
