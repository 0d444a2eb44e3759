package kz.senim.training.plans;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** An item of the annual plan changed status. No direction or description text. */
@EventType("kz.senim.training.plan-item-status-changed.v1")
public record PlanItemStatusChanged(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID planItemId,
        String schoolYear,
        String month,
        String previousStatus,
        String status,
        int completionPercentage)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return planItemId.toString();
    }
}
