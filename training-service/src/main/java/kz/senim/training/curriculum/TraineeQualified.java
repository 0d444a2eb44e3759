package kz.senim.training.curriculum;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A trainee attended every required module and simulation; membership turns it into CERTIFIED. */
@EventType("kz.senim.training.trainee-qualified.v1")
public record TraineeQualified(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        String userId,
        String schoolYear,
        int modulesCompleted,
        int simulationsAttended)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
