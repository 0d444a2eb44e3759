package kz.senim.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** CloudEvents 1.0 Kafka binary-mode headers of Senim events (docs/events.md). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SCHOOL_ID = "ce_schoolid";

    /** Where the JSON Schema of type {@code T} is published: this prefix, then {@code T.json}. */
    public static final String SCHEMA_BASE = "https://senim.kz/contracts/schemas/";

    private CloudEventHeaders() {}

    public static String typeOf(Object event) {
        EventType type = event.getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " has no @EventType");
        }
        return type.value();
    }

    /** Header values are raw UTF-8 bytes, so consumers in any language read them as strings. */
    public static Map<String, Object> of(SenimEvent event, String source) {
        String type = typeOf(event);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, bytes("1.0"));
        headers.put(ID, bytes(event.eventId().toString()));
        headers.put(TYPE, bytes(type));
        headers.put(SOURCE, bytes(source));
        headers.put(TIME, bytes(event.occurredAt().toString()));
        headers.put(SUBJECT, bytes(event.aggregateId()));
        headers.put(DATA_SCHEMA, bytes(SCHEMA_BASE + type + ".json"));
        headers.put(CONTENT_TYPE, bytes("application/json"));
        headers.put(SCHOOL_ID, bytes(event.schoolId()));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
