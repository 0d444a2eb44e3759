package kz.senim.notification;

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

/** Publishes events as their producers do (CloudEvents binary mode), checked against their schemas first. */
public final class Events {

    public static final String CASES = "senim.cases.v1";
    public static final String MEMBERSHIP = "senim.membership.v1";
    public static final String TRAINING = "senim.training.v1";

    private Events() {}

    /** Publishes {@code data} (a JSON object without eventId, which is added) and returns the event id. */
    public static UUID publish(String topic, String type, String key, String schoolId, String dataFields) {
        UUID id = UUID.randomUUID();
        String json = "{\"eventId\":\"" + id + "\",\"schoolId\":\"" + schoolId
                + "\",\"occurredAt\":\"2026-11-20T08:00:00Z\"," + dataFields + "}";
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        EventContracts.assertConforms(type, payload);
        send(topic, key, payload, id, type, schoolId);
        return id;
    }

    /** Sends the same record again, as a redelivery would. */
    public static void send(String topic, String key, byte[] payload, UUID id, String type, String schoolId) {
        List<Header> headers = new ArrayList<>();
        if (id != null) {
            headers.add(header("ce_id", id.toString()));
        }
        headers.add(header("ce_type", type));
        headers.add(header("ce_schoolid", schoolId));
        headers.add(header("ce_specversion", "1.0"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, payload, headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a test event", e);
        }
    }

    public static String personRegistered(
            String userId, String role, Integer grade, String language, String... guardianOf) {
        return "\"userId\":\"" + userId + "\",\"role\":\"" + role + "\",\"grade\":" + grade
                + ",\"classLetter\":null,\"guardianOf\":[" + String.join(",", quoted(guardianOf)) + "],\"language\":\""
                + language + "\"";
    }

    public static String schoolRegistered(String language) {
        return "\"timeZone\":\"Asia/Almaty\",\"defaultLanguage\":\"" + language + "\"";
    }

    private static List<String> quoted(String... values) {
        return java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList();
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
