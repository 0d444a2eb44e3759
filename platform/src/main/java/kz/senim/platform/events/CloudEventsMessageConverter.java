package kz.senim.platform.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event's JSON as the record's value with only the headers the outbox gives it (the CloudEvents
 * headers of {@link CloudEventHeaders}). Spring Kafka's JSON converter, which Spring Modulith uses otherwise,
 * also adds {@code __TypeId__} with the producer's Java class name: an undocumented header that couples a
 * consumer to a producer's class names. Consumers read the type from {@code ce_type} (docs/events.md).
 */
public class CloudEventsMessageConverter extends ByteArrayJacksonJsonMessageConverter {

    public CloudEventsMessageConverter(JsonMapper json) {
        super(json);
    }

    @Override
    protected Headers initialRecordHeaders(Message<?> message) {
        return new RecordHeaders();
    }
}
