package kz.senim.training.plans.domain;

import java.util.Collection;

/** How far an item of the annual plan is carried out. */
public enum PlanItemStatus {
    PLANNED,
    DONE,
    PARTLY_DONE,
    CANCELLED;

    /** What the activities linked to an item say about it. */
    public enum ActivityOutcome {
        SCHEDULED,
        COMPLETED,
        CANCELLED
    }

    /**
     * The status of an item: cancelled when the coordinator cancelled it; otherwise derived from its
     * linked activities where it has some (all completed: done; some completed: partly done; all
     * cancelled: cancelled; none completed yet: planned), and what the coordinator reported where it
     * has none.
     */
    public static PlanItemStatus of(boolean cancelled, Collection<ActivityOutcome> linked, PlanItemStatus reported) {
        if (cancelled) {
            return CANCELLED;
        }
        if (linked.isEmpty()) {
            return reported == null ? PLANNED : reported;
        }
        long completed =
                linked.stream().filter(o -> o == ActivityOutcome.COMPLETED).count();
        long dropped =
                linked.stream().filter(o -> o == ActivityOutcome.CANCELLED).count();
        if (completed == linked.size()) {
            return DONE;
        }
        if (dropped == linked.size()) {
            return CANCELLED;
        }
        return completed > 0 ? PARTLY_DONE : PLANNED;
    }
}
