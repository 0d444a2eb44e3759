package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox sends the events of one aggregate to Kafka in the order their transactions committed.
 * Commit order is well defined here: every tick updates the counter's row, so a tick's transaction
 * waits for the row lock of the previous one and commits after it; the version it reads is its place.
 * Without {@link CommitOrder} (Modulith's hand-over on a thread per publication) this test fails with
 * swapped neighbours, and it still failed with a plain single-threaded executor: the hand-over happens
 * after the row lock is released, so the next transaction can hand over first.
 */
@SenimIntegrationTest(
        properties = {
            "spring.main.web-application-type=none",
            "senim.events.topic=senim.order-test.v1",
            "spring.application.name=order-test"
        })
class ExternalizationOrderIT {

    static final int THREADS = 4;
    static final int TICKS_PER_THREAD = 30;

    @Autowired
    CounterApplication.Counters counters;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void events_of_one_aggregate_committed_quickly_from_several_threads_arrive_in_commit_order() throws Exception {
        String counter = "counter-" + UUID.randomUUID();
        counters.create(counter);
        long total = THREADS * TICKS_PER_THREAD;

        try (TopicProbe probe = TopicProbe.on("senim.order-test.v1")) {
            Callable<Void> ticker = () -> {
                for (int i = 0; i < TICKS_PER_THREAD; i++) {
                    counters.tick(counter);
                }
                return null;
            };
            try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
                List<Future<Void>> done = threads.invokeAll(Collections.nCopies(THREADS, ticker));
                for (Future<Void> each : done) {
                    each.get();
                }
            }

            probe.await(r -> counter.equals(r.key()) && version(r) == total, Duration.ofSeconds(90));
            List<Long> arrived = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record :
                    probe.collect(r -> counter.equals(r.key()), Duration.ofMillis(500))) {
                arrived.add(version(record));
            }

            assertThat(arrived)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, total).boxed().toList());
        }
        // Each publication is marked complete once the Kafka transaction it joined committed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                                .param("%" + counter + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long version(ConsumerRecord<String, byte[]> record) {
        return json.readTree(record.value()).get("version").asLong();
    }
}
