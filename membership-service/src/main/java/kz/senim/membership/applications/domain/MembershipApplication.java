package kz.senim.membership.applications.domain;

import java.time.Instant;
import java.util.UUID;
import kz.senim.membership.club.domain.AdmissionGrades;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.platform.SchoolYear;

/**
 * A student's application to join the club: {@code SUBMITTED → INTERVIEW_SCHEDULED → ACCEPTED |
 * REJECTED}; {@code WAITLISTED} when the club is full at acceptance; {@code WITHDRAWN} whenever the
 * student wishes while it is open (voluntariness).
 */
public record MembershipApplication(
        UUID id,
        String schoolId,
        String applicantId,
        SchoolYear schoolYear,
        int grade,
        String motivation,
        String availability,
        ApplicationStatus status,
        Interview interview,
        String decisionReason,
        Instant submittedAt,
        long version) {

    /** Only students of the admission grades may apply. */
    public static MembershipApplication submit(
            UUID id,
            String schoolId,
            String applicantId,
            Integer grade,
            AdmissionGrades admission,
            SchoolYear year,
            String motivation,
            String availability,
            Instant at) {
        if (!admission.admits(grade)) {
            throw new RefusedByRule("grade-not-admitted", "Students of this grade may not apply to the club");
        }
        return new MembershipApplication(
                id,
                schoolId,
                applicantId,
                year,
                grade,
                motivation,
                availability,
                ApplicationStatus.SUBMITTED,
                null,
                null,
                at,
                0);
    }

    /** Schedules (or moves) the interview of an application waiting for it. */
    public MembershipApplication scheduleInterview(Interview when) {
        if (status != ApplicationStatus.SUBMITTED && status != ApplicationStatus.INTERVIEW_SCHEDULED) {
            throw new RefusedByRule("interview-not-possible", "Only a submitted application can get an interview");
        }
        return with(ApplicationStatus.INTERVIEW_SCHEDULED, when, null);
    }

    /**
     * After the interview the coordinator accepts: the student becomes a member when the club has
     * room, and is waitlisted otherwise. A waitlisted student is accepted once a place is free.
     */
    public MembershipApplication accept(boolean clubHasRoom) {
        if (status != ApplicationStatus.INTERVIEW_SCHEDULED && status != ApplicationStatus.WAITLISTED) {
            throw new RefusedByRule(
                    "acceptance-not-possible", "Only an interviewed or waitlisted application can be accepted");
        }
        if (!clubHasRoom && status == ApplicationStatus.WAITLISTED) {
            throw new RefusedByRule("club-full", "The club is full");
        }
        return with(clubHasRoom ? ApplicationStatus.ACCEPTED : ApplicationStatus.WAITLISTED, interview, null);
    }

    public MembershipApplication reject(String reason) {
        if (!status.isOpen()) {
            throw new RefusedByRule("application-closed", "The application has already been decided or withdrawn");
        }
        return with(ApplicationStatus.REJECTED, interview, reason);
    }

    public MembershipApplication withdraw() {
        if (!status.isOpen()) {
            throw new RefusedByRule("application-closed", "The application has already been decided or withdrawn");
        }
        return with(ApplicationStatus.WITHDRAWN, interview, null);
    }

    /** The same application as stored after a change. */
    public MembershipApplication stored(long newVersion) {
        return new MembershipApplication(
                id,
                schoolId,
                applicantId,
                schoolYear,
                grade,
                motivation,
                availability,
                status,
                interview,
                decisionReason,
                submittedAt,
                newVersion);
    }

    private MembershipApplication with(ApplicationStatus next, Interview newInterview, String reason) {
        return new MembershipApplication(
                id,
                schoolId,
                applicantId,
                schoolYear,
                grade,
                motivation,
                availability,
                next,
                newInterview,
                reason,
                submittedAt,
                version);
    }
}
