package kz.senim.training.activities.domain;

/** What the club teaches and runs (docs/domain.md §4). */
public enum ActivityType {
    CLUB_MEETING,
    TRAINING,
    MASTER_CLASS,
    SIMULATION,
    /** Young mediators teach a class, e.g. "How do we resolve a conflict correctly?" for grades 1-9. */
    PEER_LESSON,
    PARENT_SESSION,
    TEACHER_SESSION,
    EXPERIENCE_EXCHANGE,
    /** Support for new students during their adaptation. */
    ADAPTATION_SUPPORT
}
