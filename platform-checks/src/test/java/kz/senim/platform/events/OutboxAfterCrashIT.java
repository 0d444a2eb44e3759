package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.StandaloneKafkaBroker;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service crashed mid-publication: the publications it had not marked complete are sent again by its
 * successor, and a {@code read_committed} consumer still sees each event once. The crashed instance is
 * played by a producer of its own {@code transactional.id} (a predecessor whose id the successor does not
 * share, e.g. a container with a new host name, so nothing fences it): of three publications in doubt, it
 * had committed one to the topic, left one in an open transaction when it died, and never sent the third.
 * The successor must find the first on the topic and not send it, wait until the open transaction is
 * aborted before it decides about the second, and send the second and third.
 */
@SenimIntegrationTest(
        properties = {
            "spring.main.web-application-type=none",
            "senim.events.topic=senim.crash-test.v1",
            // the test resubmits by hand, once the crashed instance has done its part
            "senim.events.resubmission-interval=PT10M",
            "senim.events.outcome-patience=PT3S",
            "spring.application.name=crash-test"
        })
class OutboxAfterCrashIT {

    static final String TOPIC = "senim.crash-test.v1";

    static final StandaloneKafkaBroker broker = StandaloneKafkaBroker.start();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("senim.test.kafka-bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Autowired
    CounterApplication.Counters counters;

    @Autowired
    FailedPublicationResubmission resubmission;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publications_left_in_doubt_by_a_crashed_instance_reach_a_read_committed_consumer_exactly_once() {
        String counter = "crash-" + UUID.randomUUID();
        counters.create(counter);
        counters.tick(counter);
        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()), Duration.ofSeconds(60));
        }

        // Three publications the outbox cannot complete: versions 2, 3 and 4 stay in event_publication.
        broker.stop();
        for (int i = 0; i < 3; i++) {
            counters.tick(counter);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> failedPublications().size() == 3);
        broker.startAgain();

        // What the crashed instance had done with them before it died.
        Map<Long, JsonNode> inDoubt = failedPublications().stream()
                .map(json::readTree)
                .collect(Collectors.toMap(event -> event.get("version").asLong(), Function.identity()));
        assertThat(inDoubt).containsOnlyKeys(2L, 3L, 4L);
        KafkaProducer<String, byte[]> crashed = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "crash-test-crashed-instance-outbox",
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        5_000),
                new StringSerializer(),
                new ByteArraySerializer());
        crashed.initTransactions();
        crashed.beginTransaction();
        crashed.send(record(counter, inDoubt.get(2L)));
        crashed.commitTransaction();
        crashed.beginTransaction();
        crashed.send(record(counter, inDoubt.get(3L)));
        crashed.flush();
        // It dies here: no commit, no abort (a forced close does not abort the open transaction).
        crashed.close(Duration.ZERO);

        // Its successor resubmits what was left, as the scheduler would.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    resubmission.resubmit();
                    return outstandingPublications() == 0;
                });

        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()) && version(r) == 4, Duration.ofSeconds(60));
            List<Long> versions = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record :
                    probe.collect(r -> counter.equals(r.key()), Duration.ofSeconds(2))) {
                versions.add(version(record));
            }
            Map<Long, Long> copies =
                    versions.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies.keySet())
                    .as("every event arrived")
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 4).boxed().toList());
            assertThat(copies.values()).as("no event arrived twice").containsOnly(1L);
        }
    }

    /** The event as the outbox would have sent it: the same key, body and CloudEvents headers. */
    private ProducerRecord<String, byte[]> record(String counter, JsonNode event) {
        CounterApplication.CounterTicked ticked = new CounterApplication.CounterTicked(
                UUID.fromString(event.get("eventId").asString()),
                event.get("schoolId").asString(),
                Instant.parse(event.get("occurredAt").asString()),
                counter,
                event.get("version").asLong());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, counter, json.writeValueAsBytes(ticked));
        CloudEventHeaders.of(ticked, "/crash-test")
                .forEach((name, value) -> record.headers()
                        .add(
                                name,
                                value instanceof byte[] bytes
                                        ? bytes
                                        : value.toString().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private List<String> failedPublications() {
        return jdbc.sql("select serialized_event from event_publication"
                        + " where completion_date is null and status = 'FAILED'")
                .query(String.class)
                .list();
    }

    private long outstandingPublications() {
        return jdbc.sql("select count(*) from event_publication")
                .query(Long.class)
                .single();
    }

    private long version(ConsumerRecord<String, byte[]> record) {
        return json.readTree(record.value()).get("version").asLong();
    }
}
