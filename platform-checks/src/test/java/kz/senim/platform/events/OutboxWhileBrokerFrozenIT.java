package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.StandaloneKafkaBroker;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * (decision 101).
 */
@SenimIntegrationTest(
        properties = {
            "spring.main.web-application-type=none",
            "senim.events.topic=senim.frozen-test.v1",
            "senim.events.resubmission-interval=PT1S",
            "spring.application.name=frozen-test",
            "spring.kafka.producer.properties.interceptor.classes="
                    + "kz.senim.platform.events.OutboxWhileBrokerFrozenIT$FreezeOnAcknowledgement"
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

    /**
     * Decision 68's double: the broker froze after it had acknowledged an outbox transaction's record, so the
     * producer's commit request waited in the frozen broker's socket. The broker commits it when it resumes;
     * a producer that gave up and sent the event again in a new transaction made a second copy.
     */
    @Test
    void an_event_whose_commit_waited_in_the_frozen_brokers_socket_reaches_the_topic_once() throws Exception {
        String counter = "frozen-commit-" + UUID.randomUUID();
        counters.create(counter);
        counters.tick(counter);
        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()), Duration.ofSeconds(60));
        }

        int ticks = 5;
        FreezeOnAcknowledgement.arm();
        try {
            counters.tick(counter);
            await().atMost(Duration.ofSeconds(60)).until(FreezeOnAcknowledgement::fired);
            for (int i = 3; i <= ticks; i++) {
                counters.tick(counter);
            }
            // Longer than the producer's request and delivery time-outs and its max.block.ms.
            pause(Duration.ofSeconds(9));
        } finally {
            FreezeOnAcknowledgement.disarm();
            signal("CONT");
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> outstandingPublications() == 0);
        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), TOPIC)) {
            probe.await(r -> counter.equals(r.key()) && version(r) == ticks, Duration.ofSeconds(60));
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
                            LongStream.rangeClosed(1, ticks).boxed().toList());
            assertThat(copies.values()).as("no event arrived twice").containsOnly(1L);
        }
    }

    /**
     * Freezes the broker once, on the producer's I/O thread, right after the broker acknowledged the next
     * record on the topic (the outbox sends one at a time): the producer sends its commit request only after
     * this returns, into the frozen broker.
     */
    public static class FreezeOnAcknowledgement implements ProducerInterceptor<Object, Object> {

        private static final AtomicBoolean armed = new AtomicBoolean();
        private static final AtomicBoolean fired = new AtomicBoolean();

        static void arm() {
            fired.set(false);
            armed.set(true);
        }

        static void disarm() {
            armed.set(false);
        }

        static boolean fired() {
            return fired.get();
        }

        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            if (exception == null
                    && metadata != null
                    && TOPIC.equals(metadata.topic())
                    && armed.compareAndSet(true, false)) {
                try {
                    signal("STOP");
                    fired.set(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
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
