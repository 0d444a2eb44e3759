package kz.senim.training;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays membership-service in tests: sends its events to {@code senim.membership.v1} as CloudEvents,
 * each payload checked against its agreed schema first.
 */
public final class MembershipFeed implements AutoCloseable {

    public static final String TOPIC = "senim.membership.v1";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Sends the event and returns its id; {@code fields} is the JSON of the fields after occurredAt. */
    public UUID send(String what, String school, String key, String fields) {
        return send(UUID.randomUUID(), what, school, key, fields);
    }

    public UUID send(UUID id, String what, String school, String key, String fields) {
        String type = "kz.senim.membership." + what + ".v1";
        byte[] payload = """
                {"eventId":"%s","schoolId":"%s","occurredAt":"%s",%s}
                """.formatted(id, school, Instant.now(), fields).getBytes(StandardCharsets.UTF_8);
        EventContracts.assertConforms(type, payload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/membership-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        header(record, "ce_schoolid", school);
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
