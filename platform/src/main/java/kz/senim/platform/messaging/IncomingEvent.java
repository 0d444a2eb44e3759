package kz.senim.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kz.senim.platform.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent read from Kafka in binary mode: the headers that identify it, and its JSON data.
 *
 * @param id {@code ce_id}, the idempotency key
 * @param type {@code ce_type}, e.g. {@code kz.senim.membership.school-registered.v1}
 * @param schoolId {@code ce_schoolid}
 * @param subject {@code ce_subject}, the aggregate id
 * @param data the payload
 */
public record IncomingEvent(UUID id, String type, String schoolId, String subject, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<?, byte[]> record, JsonMapper json) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEvent("Record without ce_id or ce_type at offset " + record.offset(), null);
        }
        try {
            UUID eventId = UUID.fromString(id);
            JsonNode data = json.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new MalformedEvent("Event " + id + " has no JSON object as data", null);
            }
            return new IncomingEvent(
                    eventId,
                    type,
                    header(record, CloudEventHeaders.SCHOOL_ID),
                    header(record, CloudEventHeaders.SUBJECT),
                    data);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new MalformedEvent("Event " + id + " is unreadable", e);
        }
    }

    /** Reads the data as the given record type; a payload that does not fit is malformed. */
    public <T> T dataAs(Class<T> type, JsonMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new MalformedEvent("Event " + id + " does not fit " + type.getSimpleName(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
