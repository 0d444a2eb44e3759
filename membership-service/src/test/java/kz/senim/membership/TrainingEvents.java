package kz.senim.membership;

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

/** Sends what training-service would: a conforming trainee-qualified CloudEvent on its topic. */
public final class TrainingEvents {

    static final String TYPE = "kz.senim.training.trainee-qualified.v1";

    private TrainingEvents() {}

    /** Sends the event (twice when {@code deliveries} is 2, as at-least-once delivery may) and returns its id. */
    public static UUID traineeQualified(String schoolId, String userId, String schoolYear, int deliveries) {
        UUID id = UUID.randomUUID();
        byte[] payload =
                """
                {"eventId":"%s","schoolId":"%s","occurredAt":"%s","userId":"%s","schoolYear":"%s",
                 "modulesCompleted":6,"simulationsAttended":2}
                """.formatted(id, schoolId, Instant.now(), userId, schoolYear).getBytes(StandardCharsets.UTF_8);
        EventContracts.assertConforms(TYPE, payload);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < deliveries; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("senim.training.v1", userId, payload);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", id.toString());
                header(record, "ce_type", TYPE);
                header(record, "ce_source", "/training-service");
                header(record, "ce_time", Instant.now().toString());
                header(record, "ce_subject", userId);
                header(record, "ce_schoolid", schoolId);
                header(record, "content-type", "application/json");
                producer.send(record);
            }
            producer.flush();
        }
        return id;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
