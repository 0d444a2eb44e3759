package kz.senim.notification.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.MalformedEvent;
import tools.jackson.databind.JsonNode;

/**
 * The ids, times and lists an incoming event carries, read strictly: a field that must be there and is not
 * makes the event malformed. Only ids leave an event for a notification: never text, never names.
 */
record EventFields(IncomingEvent event) {

    UUID id() {
        return event.id();
    }

    String type() {
        return event.type();
    }

    String school() {
        return text("schoolId");
    }

    /** The one id a notification links to, e.g. {@code caseId}. */
    Map<String, String> link(String field) {
        return Map.of(field, text(field));
    }

    String text(String field) {
        JsonNode value = event.data().get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedEvent("Event " + event.id() + " has no " + field, null);
        }
        return value.asString();
    }

    UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("Event " + event.id() + " has no valid " + field, e);
        }
    }

    /** @throws java.time.format.DateTimeParseException when it is no instant (the event is then malformed) */
    Instant instant(String field) {
        return Instant.parse(text(field));
    }

    Integer integer(String field) {
        JsonNode value = event.data().get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = event.data().get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(field));
    }

    /** A list of ids added to an event within its version: absent in older events, so empty then. */
    List<String> optionalTexts(String field) {
        JsonNode value = event.data().get(field);
        return value == null || value.isNull() ? List.of() : texts(field);
    }

    List<String> texts(String field) {
        JsonNode values = event.data().get(field);
        if (values == null || !values.isArray()) {
            throw new MalformedEvent("Event " + event.id() + " has no list " + field, null);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isString() || v.asString().isBlank()) {
                throw new MalformedEvent("Event " + event.id() + " has a bad id in " + field, null);
            }
            texts.add(v.asString());
        }
        return texts;
    }

    /** Whom an activity or a material is for, as the event says, with the given facilitators. */
    ActivityRepository.Audience audience(List<String> facilitatorIds) {
        return new ActivityRepository.Audience(
                school(), texts("audienceGroups"), integer("gradeFrom"), integer("gradeTo"), facilitatorIds);
    }
}
