package kz.senim.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.senim.analytics.report.domain.Fact;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns an event into a fact of a store generation, once per {@code ce_id} (the platform's
 * {@code processed_message}, consumer {@code analytics-service.g<generation>}, in the same transaction as the
 * fact). Nothing an event carries is an error here: an unknown type, an unknown field or a fact it cannot read is
 * accepted and counted in {@code senim_analytics_events_total{outcome}} and
 * {@code senim_analytics_unknown_fields_total{type}}, never retried or dead-lettered. Only what the platform
 * itself cannot read (no {@code ce_id}, not JSON) goes to the dead-letter topic.
 */
@Component
public class EventFacts {

    private static final Logger log = LoggerFactory.getLogger(EventFacts.class);

    private final IncomingEvents incoming;
    private final FactRepository facts;
    private final MeterRegistry meters;

    EventFacts(IncomingEvents incoming, FactRepository facts, MeterRegistry meters) {
        this.incoming = incoming;
        this.facts = facts;
        this.meters = meters;
        for (String outcome : new String[] {"stored", "not-used", "unknown-type", "unreadable"}) {
            outcome(outcome);
        }
    }

    /** The consumer name of a generation in {@code processed_message}. */
    public static String consumer(int generation) {
        return "analytics-service.g" + generation;
    }

    public void apply(int generation, ConsumerRecord<?, byte[]> record) {
        incoming.handleOnce(consumer(generation), record, event -> store(generation, event));
    }

    private void store(int generation, IncomingEvent event) {
        FactShapes.Shape shape = FactShapes.of(event.type()).orElse(null);
        if (shape == null) {
            outcome(FactShapes.NOT_USED.contains(event.type()) ? "not-used" : "unknown-type")
                    .increment();
            return;
        }
        JsonNode data = event.data();
        var known = shape.known();
        for (String field : data.propertyNames()) {
            if (!known.contains(field)) {
                Counter.builder("senim.analytics.unknown.fields")
                        .description("Events of a known type with a field the store does not know (a newer producer)")
                        .tag("type", event.type())
                        .register(meters)
                        .increment();
                break;
            }
        }
        try {
            String school = text(data, "schoolId");
            if (school == null) {
                school = event.schoolId();
            }
            Instant occurredAt = Instant.parse(text(data, "occurredAt"));
            UUID subject = shape.subject() == null ? null : UUID.fromString(text(data, shape.subject()));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String field : shape.kept()) {
                JsonNode value = data.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    attributes.put(field, value.asString());
                }
            }
            if (school == null) {
                throw new IllegalArgumentException("no school");
            }
            facts.store(generation, school, new Fact(event.id(), event.type(), occurredAt, subject, attributes));
            outcome("stored").increment();
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            log.warn(
                    "Event {} of type {} is not readable as a fact and is skipped: {}",
                    event.id(),
                    event.type(),
                    e.toString());
            outcome("unreadable").increment();
        }
    }

    private Counter outcome(String outcome) {
        return Counter.builder("senim.analytics.events")
                .description("Events read by analytics-service, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
