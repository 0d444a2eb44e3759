package kz.senim.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import kz.senim.analytics.report.domain.EventTypes;
import kz.senim.analytics.report.domain.Fact;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the records of one poll into facts of a store generation, in one transaction, once per {@code ce_id}: the
 * events' ids go into the platform's {@code processed_message} (consumer {@code analytics-service.g<generation>})
 * in the same transaction as the facts, and only the ids that were not there yet (first deliveries) become facts
 * and are counted. Nothing an event carries is an error here: an unknown type, an unknown field or a fact it cannot
 * read is accepted and counted in {@code senim_analytics_events_total{outcome}} and
 * {@code senim_analytics_unknown_fields_total{type}}, never retried or dead-lettered. Only what the platform itself
 * cannot read (no {@code ce_id}, not JSON) goes to the dead-letter topic: the records before it are stored, and the
 * container's error handler sends it there and goes on with the records after it.
 */
@Component
public class EventFacts {

    private static final Logger log = LoggerFactory.getLogger(EventFacts.class);

    /** The fields each stored type is known to have. */
    private static final Map<String, Set<String>> KNOWN = new HashMap<>();

    static {
        FactShapes.SHAPES.forEach((type, shape) -> KNOWN.put(type, shape.known()));
    }

    private final FactRepository facts;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new HashMap<>();

    EventFacts(FactRepository facts, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        this.facts = facts;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
        for (String outcome : new String[] {"stored", "not-used", "unknown-type", "unreadable"}) {
            outcomes.put(
                    outcome,
                    Counter.builder("senim.analytics.events")
                            .description("Events read by analytics-service, by what became of them")
                            .tag("outcome", outcome)
                            .register(meters));
        }
    }

    /** The consumer name of a generation in {@code processed_message}. */
    public static String consumer(int generation) {
        return "analytics-service.g" + generation;
    }

    /**
     * Applies the records of one poll. A record the platform cannot read stops the batch there: the records before
     * it are stored and a {@link BatchListenerFailedException} names it, so that the error handler dead-letters it
     * and redelivers the rest.
     */
    public void apply(int generation, List<? extends ConsumerRecord<?, byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(IncomingEvent.from(records.get(i), json));
            } catch (MalformedEvent e) {
                store(generation, events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        store(generation, events);
    }

    private void store(int generation, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<UUID, IncomingEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        Map<String, Long> counted = new HashMap<>();
        Map<String, Long> unknownFields = new HashMap<>();
        transactions.executeWithoutResult(status -> {
            counted.clear();
            unknownFields.clear();
            Set<UUID> first = facts.firstDeliveries(consumer(generation), byId.keySet());
            List<FactRepository.SchoolFact> stored = new ArrayList<>();
            SortedSet<String> schools = new TreeSet<>();
            Set<String> registered = new HashSet<>();
            for (IncomingEvent event : byId.values()) {
                if (!first.contains(event.id())) {
                    continue; // a redelivery
                }
                String outcome = read(event, stored, unknownFields);
                counted.merge(outcome, 1L, Long::sum);
                if (outcome.equals("stored")) {
                    FactRepository.SchoolFact fact = stored.getLast();
                    schools.add(fact.schoolId());
                    if (fact.fact().type().equals(EventTypes.SCHOOL_REGISTERED)) {
                        registered.add(fact.schoolId());
                    }
                }
            }
            facts.store(generation, stored);
            facts.changed(generation, schools, registered);
        });
        counted.forEach((outcome, n) -> outcomes.get(outcome).increment(n));
        unknownFields.forEach((type, n) -> Counter.builder("senim.analytics.unknown.fields")
                .description("Events of a known type with a field the store does not know (a newer producer)")
                .tag("type", type)
                .register(meters)
                .increment(n));
    }

    /** What becomes of a first delivery: adds its fact to {@code stored} when it is one; returns the outcome. */
    private static String read(
            IncomingEvent event, List<FactRepository.SchoolFact> stored, Map<String, Long> unknownFields) {
        FactShapes.Shape shape = FactShapes.of(event.type()).orElse(null);
        if (shape == null) {
            return FactShapes.NOT_USED.contains(event.type()) ? "not-used" : "unknown-type";
        }
        JsonNode data = event.data();
        Set<String> known = KNOWN.get(event.type());
        for (String field : data.propertyNames()) {
            if (!known.contains(field)) {
                unknownFields.merge(event.type(), 1L, Long::sum);
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
            stored.add(new FactRepository.SchoolFact(
                    school, new Fact(event.id(), event.type(), occurredAt, subject, attributes)));
            return "stored";
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            log.warn(
                    "Event {} of type {} is not readable as a fact and is skipped: {}",
                    event.id(),
                    event.type(),
                    e.toString());
            return "unreadable";
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
