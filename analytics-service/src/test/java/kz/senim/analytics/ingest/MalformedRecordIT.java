package kz.senim.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.analytics.Events;
import kz.senim.analytics.SchoolEvents;
import kz.senim.analytics.Store;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Records are stored a poll at a time; a record the platform cannot read in the middle of a poll goes to the
 * dead-letter topic alone, and the records before and after it are stored.
 */
@SenimIntegrationTest
class MalformedRecordIT {

    @LocalServerPort
    int port;

    @Test
    void an_unreadable_record_is_dead_lettered_and_its_neighbours_are_stored() {
        String school = SchoolEvents.newSchool("malformed");
        Events.send(new SchoolEvents(school).registered("Asia/Almaty", "2026-08-20T04:00:00Z").records);
        SchoolEvents before =
                new SchoolEvents(school).activityCompleted(UUID.randomUUID(), "TRAINING", "2026-10-05T09:00:00Z", 4, 4);
        SchoolEvents after =
                new SchoolEvents(school).activityCompleted(UUID.randomUUID(), "TRAINING", "2026-10-06T09:00:00Z", 6, 6);
        String marker = "not json " + UUID.randomUUID();
        // one partition, in this order: a fact, a record without ce_id that is not JSON, a fact
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record(before.records.getFirst()));
            producer.send(new ProducerRecord<>(Events.TRAINING, 0, school, marker.getBytes(StandardCharsets.UTF_8)));
            producer.send(record(after.records.getFirst()));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Store.report(port, school, "2026-2027", Store.DISTRICT_ADMIN))
                        .containsEntry("activities.TRAINING.held", "2")
                        .containsEntry("activities.TRAINING.participants", "10"));
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "malformed-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Events.TRAINING + ".DLT"));
            List<String> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : dlt.poll(Duration.ofMillis(500))) {
                    dead.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                return dead.contains(marker);
            });
        }
    }

    private static ProducerRecord<String, byte[]> record(Events.Record event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), 0, event.key(), event.payload());
        record.headers()
                .add(new RecordHeader("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_type", event.type().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_schoolid", event.schoolId().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
