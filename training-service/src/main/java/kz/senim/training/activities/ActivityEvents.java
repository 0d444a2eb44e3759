package kz.senim.training.activities;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** What happens to activities, as published on {@code senim.training.v1}: ids, kinds, times, counts; no names. */
public final class ActivityEvents {

    private ActivityEvents() {}

    @EventType("kz.senim.training.activity-scheduled.v1")
    public record ActivityScheduled(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            UUID seriesId,
            String activityType,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            String language,
            Integer capacity,
            List<String> audienceGroups,
            Integer gradeFrom,
            Integer gradeTo,
            List<String> facilitatorIds,
            List<String> modules)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }

    @EventType("kz.senim.training.activity-rescheduled.v1")
    public record ActivityRescheduled(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            UUID seriesId,
            String activityType,
            Instant startsAt,
            Instant endsAt)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }

    @EventType("kz.senim.training.activity-cancelled.v1")
    public record ActivityCancelled(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            UUID seriesId,
            String activityType,
            Instant startsAt,
            int registeredCount)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }

    @EventType("kz.senim.training.activity-completed.v1")
    public record ActivityCompleted(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            UUID seriesId,
            String activityType,
            Instant startsAt,
            int registeredCount,
            int presentCount,
            int absentCount,
            int excusedCount,
            Integer headCount,
            int participantCount)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }

    @EventType("kz.senim.training.registration-changed.v1")
    public record RegistrationChanged(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            String activityType,
            String userId,
            String status,
            boolean promotedFromWaitlist)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }

    @EventType("kz.senim.training.attendance-recorded.v1")
    public record AttendanceRecorded(
            UUID eventId,
            String schoolId,
            Instant occurredAt,
            UUID activityId,
            String activityType,
            int presentCount,
            int absentCount,
            int excusedCount,
            Integer headCount,
            String schoolYear,
            int studentsReachedInSchoolYear,
            int peopleReachedInSchoolYear)
            implements SenimEvent {
        @Override
        public String aggregateId() {
            return activityId.toString();
        }
    }
}
