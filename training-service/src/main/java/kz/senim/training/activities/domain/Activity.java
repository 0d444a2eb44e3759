package kz.senim.training.activities.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import kz.senim.platform.problem.StateConflict;
import kz.senim.training.curriculum.domain.CurriculumModule;

/**
 * One occurrence of something the club runs: a meeting, a training, a peer lesson. Times are
 * instants; {@code timeZone} is the school's, used to show them and to repeat series.
 */
public record Activity(
        UUID id,
        String schoolId,
        UUID seriesId,
        ActivityType type,
        String title,
        Audience audience,
        Set<String> facilitators,
        Instant startsAt,
        Instant endsAt,
        ZoneId timeZone,
        String place,
        Integer capacity,
        String language,
        boolean openForRegistration,
        Set<CurriculumModule> modules,
        ActivityStatus status,
        Integer headCount,
        long version) {

    public Activity {
        facilitators = Set.copyOf(facilitators);
        modules = modules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modules));
        if (facilitators.isEmpty()) {
            throw new IllegalArgumentException("An activity has at least one facilitator");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("An activity ends after it starts");
        }
        if (capacity != null && capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
    }

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    public boolean facilitatedBy(String userId) {
        return facilitators.contains(userId);
    }

    /** Another time or place for a scheduled activity; for a series, this occurrence only. */
    public Activity reschedule(Instant newStart, Instant newEnd, String newPlace) {
        requireScheduled();
        return new Activity(
                id,
                schoolId,
                seriesId,
                type,
                title,
                audience,
                facilitators,
                newStart,
                newEnd,
                timeZone,
                newPlace,
                capacity,
                language,
                openForRegistration,
                modules,
                status,
                headCount,
                version + 1);
    }

    public Activity cancel() {
        requireScheduled();
        return withStatus(ActivityStatus.CANCELLED);
    }

    /** Only an activity that has started can be completed. */
    public Activity complete(Instant now) {
        requireScheduled();
        if (now.isBefore(startsAt)) {
            throw new StateConflict("activity-not-started", "An activity that has not started cannot be completed");
        }
        return withStatus(ActivityStatus.COMPLETED);
    }

    /** People register while it is scheduled, open for registration and has not started. */
    public void requireOpenForRegistration(Instant now) {
        if (!openForRegistration) {
            throw new StateConflict("registration-closed", "This activity takes no registrations");
        }
        requireScheduled();
        if (!now.isBefore(startsAt)) {
            throw new StateConflict("activity-already-started", "Registration ends when the activity starts");
        }
    }

    /** Whether people may register now (see {@link #requireOpenForRegistration}). */
    public boolean takesRegistrations(Instant now) {
        return openForRegistration && status == ActivityStatus.SCHEDULED && now.isBefore(startsAt);
    }

    /**
     * Attendance is recorded by the activity's own facilitators, once it has started and unless it
     * was cancelled.
     */
    public void requireAttendanceRecordableBy(String userId, Instant now) {
        if (!facilitatedBy(userId)) {
            throw new NotAFacilitator();
        }
        requireAttendanceRecordable(now);
    }

    /**
     * Attendance may be recorded (by a facilitator, or by a coordinator of the school, who supervises
     * every activity) once the activity has started, unless it was cancelled.
     */
    public void requireAttendanceRecordable(Instant now) {
        if (status == ActivityStatus.CANCELLED) {
            throw new StateConflict("activity-cancelled", "A cancelled activity has no attendance");
        }
        if (now.isBefore(startsAt)) {
            throw new StateConflict("activity-not-started", "Attendance is recorded once the activity has started");
        }
    }

    /** A whole class is counted, instead of per person, only at a peer lesson. */
    public Activity countHeads(int count) {
        if (type != ActivityType.PEER_LESSON) {
            throw new StateConflict("head-count-only-for-peer-lessons", "A head count is kept only for peer lessons");
        }
        return new Activity(
                id,
                schoolId,
                seriesId,
                type,
                title,
                audience,
                facilitators,
                startsAt,
                endsAt,
                timeZone,
                place,
                capacity,
                language,
                openForRegistration,
                modules,
                status,
                count,
                version + 1);
    }

    private void requireScheduled() {
        if (status != ActivityStatus.SCHEDULED) {
            throw new StateConflict(
                    "activity-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    "The activity is already " + status);
        }
    }

    private Activity withStatus(ActivityStatus next) {
        return new Activity(
                id,
                schoolId,
                seriesId,
                type,
                title,
                audience,
                facilitators,
                startsAt,
                endsAt,
                timeZone,
                place,
                capacity,
                language,
                openForRegistration,
                modules,
                next,
                headCount,
                version + 1);
    }

    /** Thrown when someone who does not run an activity tries to record its attendance. */
    public static final class NotAFacilitator extends RuntimeException {
        public NotAFacilitator() {
            super("Only the activity's facilitators record its attendance");
        }
    }
}
