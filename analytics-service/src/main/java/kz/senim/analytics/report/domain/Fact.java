package kz.senim.analytics.report.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One event as the analytics store keeps it: no person, no text.
 *
 * @param eventId the event's {@code ce_id}
 * @param type the full CloudEvents type, e.g. {@code kz.senim.cases.request-submitted.v1}
 * @param occurredAt when it happened
 * @param subject the case, thread, activity, plan item, material or consultation it is about; null for school
 *     and membership events
 * @param attributes the whitelisted fields of its type, as strings
 */
public record Fact(UUID eventId, String type, Instant occurredAt, UUID subject, Map<String, String> attributes) {

    /** Time, then event id: a total order that does not depend on arrival. */
    public static final Comparator<Fact> CHRONOLOGICAL =
            Comparator.comparing(Fact::occurredAt).thenComparing(Fact::eventId);

    public Fact {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String get(String name) {
        return attributes.get(name);
    }

    public boolean is(String attribute, String value) {
        return value.equals(attributes.get(attribute));
    }

    public long number(String name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
