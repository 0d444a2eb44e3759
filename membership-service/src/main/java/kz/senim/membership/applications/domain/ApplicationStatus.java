package kz.senim.membership.applications.domain;

/** Where an application to join the club stands. */
public enum ApplicationStatus {
    SUBMITTED,
    INTERVIEW_SCHEDULED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN,
    WAITLISTED;

    /** Still waiting for a decision (or for a free place): the student may withdraw it. */
    public boolean isOpen() {
        return this == SUBMITTED || this == INTERVIEW_SCHEDULED || this == WAITLISTED;
    }
}
