package kz.senim.training.plans;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/**
 * An item was added to the annual plan, with the status its linked activities give it and the year's completion
 * with it. No direction, description or responsible person.
 */
@EventType("kz.senim.training.plan-item-created.v1")
public record PlanItemCreated(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID planItemId,
        String schoolYear,
        String month,
        String status,
        int completionPercentage)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return planItemId.toString();
    }
}
