package kz.senim.training.plans.domain;

import java.util.Collection;

/**
 * How much of a year's plan is carried out: done items count fully, partly done ones half, and
 * cancelled items are left out of the count.
 */
public record PlanCompletion(int items, int done, int partlyDone, int planned, int cancelled, int percentage) {

    public static PlanCompletion of(Collection<PlanItemStatus> statuses) {
        int done = count(statuses, PlanItemStatus.DONE);
        int partly = count(statuses, PlanItemStatus.PARTLY_DONE);
        int planned = count(statuses, PlanItemStatus.PLANNED);
        int cancelled = count(statuses, PlanItemStatus.CANCELLED);
        int counted = statuses.size() - cancelled;
        int percentage = counted == 0 ? 0 : (int) Math.round((done + partly / 2.0) * 100.0 / counted);
        return new PlanCompletion(statuses.size(), done, partly, planned, cancelled, percentage);
    }

    private static int count(Collection<PlanItemStatus> statuses, PlanItemStatus status) {
        return (int) statuses.stream().filter(status::equals).count();
    }
}
