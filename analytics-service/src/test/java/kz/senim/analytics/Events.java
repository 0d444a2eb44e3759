package kz.senim.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events as their producers send them (CloudEvents binary mode), checked against their contract unless a test
 * means to send what a newer producer might. Build a sequence with {@link #event}, send it in any order, and send
 * records again to play a redelivery.
 */
public final class Events {

    public static final String CASES = "senim.cases.v1";
    public static final String MEMBERSHIP = "senim.membership.v1";
    public static final String TRAINING = "senim.training.v1";

    private Events() {}

    /** One record ready to send. */
    public record Record(String topic, String key, UUID id, String type, String schoolId, byte[] payload) {

        public String json() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * An event of a Senim type at a time, its data fields given as JSON members without eventId, schoolId and
     * occurredAt; checked against the type's schema.
     */
    public static Record event(String type, String key, String schoolId, String occurredAt, String dataFields) {
        Record record = unchecked(type, key, schoolId, occurredAt, dataFields);
        EventContracts.assertConforms(type, record.payload());
        return record;
    }

    /** The same, without the schema check: an unknown type, or a field a newer producer added. */
    public static Record unchecked(String type, String key, String schoolId, String occurredAt, String dataFields) {
        UUID id = UUID.randomUUID();
        String json = "{\"eventId\":\"" + id + "\",\"schoolId\":\"" + schoolId + "\",\"occurredAt\":\"" + occurredAt
                + "\"" + (dataFields.isBlank() ? "" : "," + dataFields) + "}";
        return new Record(topicOf(type), key, id, type, schoolId, json.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(List<Record> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (Record record : records) {
                List<Header> headers = new ArrayList<>();
                headers.add(header("ce_id", record.id().toString()));
                headers.add(header("ce_type", record.type()));
                headers.add(header("ce_schoolid", record.schoolId()));
                headers.add(header("ce_specversion", "1.0"));
                headers.add(header("ce_subject", record.key()));
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.payload(), headers));
            }
            producer.flush();
        }
    }

    public static void send(Record... records) {
        send(List.of(records));
    }

    private static String topicOf(String type) {
        if (type.startsWith("kz.senim.cases.")) {
            return CASES;
        }
        if (type.startsWith("kz.senim.membership.")) {
            return MEMBERSHIP;
        }
        return TRAINING;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
