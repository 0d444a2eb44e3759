package kz.senim.training.materials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.platform.events.EventType;
import kz.senim.platform.events.SenimEvent;

/** A booklet, memo or poster was published to its audience. No title, no names. */
@EventType("kz.senim.training.material-published.v1")
public record MaterialPublished(
        UUID eventId,
        String schoolId,
        Instant occurredAt,
        UUID materialId,
        String kind,
        String language,
        List<String> audienceGroups,
        Integer gradeFrom,
        Integer gradeTo,
        boolean hasFile,
        boolean hasLink)
        implements SenimEvent {

    @Override
    public String aggregateId() {
        return materialId.toString();
    }
}
