package kz.senim.membership.members.domain;

/** Where a young mediator stands in the club in one school year. */
public enum MemberStatus {
    TRAINEE,
    CERTIFIED,
    LEFT,
    ALUMNI;

    /** Trainees and certified mediators are the club; those who left and alumni are not. */
    public boolean isActive() {
        return this == TRAINEE || this == CERTIFIED;
    }
}
