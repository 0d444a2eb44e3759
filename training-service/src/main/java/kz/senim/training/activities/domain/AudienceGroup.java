package kz.senim.training.activities.domain;

/** Who an activity (or a material) is for. */
public enum AudienceGroup {
    STUDENTS,
    MEDIATORS,
    TEACHERS,
    PARENTS,
    COORDINATORS
}
