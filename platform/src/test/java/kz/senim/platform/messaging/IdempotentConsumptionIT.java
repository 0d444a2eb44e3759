package kz.senim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consumer side against a real broker and database: a record delivered twice has one effect;
 * a record that always fails goes to the dead-letter topic after the configured attempts, and
 * the records behind it are still processed.
 */
@SenimIntegrationTest(properties = "spring.main.web-application-type=none")
class IdempotentConsumptionIT {

    static final String TOPIC = "senim.tally.v1";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TallyApplication.TallyListener listener;

    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void the_same_record_delivered_twice_has_exactly_one_effect() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, "kz.senim.test.counted.v1", "{\"n\":1}");
        send(id, "kz.senim.test.counted.v1", "{\"n\":1}");
        UUID marker = UUID.randomUUID();
        send(marker, "kz.senim.test.counted.v1", "{\"n\":2}");

        // The marker is behind both copies on the same partition: once it is applied, both were seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> tallied(marker) == 1);
        assertThat(tallied(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from processed_message where consumer = 'tally' and message_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_poison_record_lands_in_the_dead_letter_topic_after_the_configured_attempts_and_the_next_is_processed()
            throws Exception {
        UUID poison = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        int before = listener.failingAttempts.get();

        send(poison, TallyApplication.TallyListener.FAILING_TYPE, "{\"n\":3}");
        send(unreadable, "kz.senim.test.counted.v1", "{not json");
        send(next, "kz.senim.test.counted.v1", "{\"n\":4}");

        await().atMost(Duration.ofSeconds(30)).until(() -> tallied(next) == 1);
        try (TopicProbe deadLetters = TopicProbe.on(TOPIC + ".DLT")) {
            deadLetters.await(r -> hasId(r.headers().lastHeader("ce_id"), poison), Duration.ofSeconds(30));
            deadLetters.await(r -> hasId(r.headers().lastHeader("ce_id"), unreadable), Duration.ofSeconds(30));
        }
        // 1 delivery + 2 retries (senim.messaging.retries=2), each rolled back: no effect remains.
        assertThat(listener.failingAttempts.get() - before).isEqualTo(3);
        assertThat(tallied(poison)).isZero();
        assertThat(tallied(unreadable)).isZero();
    }

    private static boolean hasId(org.apache.kafka.common.header.Header header, UUID id) {
        return header != null && id.toString().equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    private long tallied(UUID id) {
        return jdbc.sql("select count(*) from tally where event_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private void send(UUID id, String type, String json) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                TOPIC,
                null,
                "aggregate-1",
                json.getBytes(StandardCharsets.UTF_8),
                List.of(
                        new RecordHeader("ce_id", id.toString().getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_schoolid", "demo-gymnasium-1".getBytes(StandardCharsets.UTF_8))));
        producer.send(record).get();
    }
}
