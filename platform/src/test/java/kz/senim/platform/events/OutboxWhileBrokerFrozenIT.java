package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.StandaloneKafkaBroker;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A broker that stops answering mid-send (its process frozen, as under SIGSTOP) and resumes later still
 * gives a {@code read_committed} consumer every event exactly once. Before the outbox sent in Kafka
 * transactions, the producer gave up on the batch it had in flight, the outbox resubmitted the
 * publication under a new producer id, and the resumed broker still appended the old batch from its
 * socket: a second copy. Decision 68's first attempt (a new producer after a time-out) still let a double
 * through when the commit itself was in the socket; now the same producer finishes its transaction
 * (decision 121).
 */
@SenimIntegrationTest(
        properties = {
            "spring.main.web-application-type=none",
            "senim.events.topic=senim.frozen-test.v1",
            "senim.events.resubmission-interval=PT1S",
            "spring.application.name=frozen-test"
        })
class OutboxWhileBrokerFrozenIT {

    static final String TOPIC = "senim.frozen-test.v1";
    static final int TICKS = 40;

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
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void events_sent_while_the_broker_froze_reach_a_read_committed_consumer_exactly_once() throws Exception {
        String counter = "frozen-" + UUID.randomUUID();
        counters.create(counter);
        counters.tick(counter);
        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()), Duration.ofSeconds(60));
        }

        try (ExecutorService ticking = Executors.newSingleThreadExecutor()) {
            Future<?> ticks = ticking.submit(() -> {
                for (int i = 1; i < TICKS; i++) {
                    counters.tick(counter);
                    pause(Duration.ofMillis(100));
                }
            });
            pause(Duration.ofMillis(600));
            signal("STOP");
            try {
                // Longer than the producer's delivery time-out: it gives up on what it had in flight.
                pause(Duration.ofSeconds(9));
            } finally {
                signal("CONT");
            }
            ticks.get();
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> outstandingPublications() == 0);
        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()) && version(r) == TICKS, Duration.ofSeconds(60));
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
                            LongStream.rangeClosed(1, TICKS).boxed().toList());
            assertThat(copies.values()).as("no event arrived twice").containsOnly(1L);
        }
    }

    private long outstandingPublications() {
        return jdbc.sql("select count(*) from event_publication")
                .query(Long.class)
                .single();
    }

    private long version(ConsumerRecord<String, byte[]> record) {
        return json.readTree(record.value()).get("version").asLong();
    }

    /** Sends SIGSTOP or SIGCONT to the broker's JVM (and its children). */
    private static void signal(String signal) throws IOException, InterruptedException {
        ProcessHandle process = broker.process().orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(process.pid())));
        process.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
