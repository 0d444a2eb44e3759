package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kz.senim.test.Infrastructure;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publications handed over one after another share one Kafka transaction (decision 154): none of them is
 * complete before that transaction commits, they arrive in the order they were added, and the partition
 * holds one commit marker per transaction, so its end offset counts the transactions.
 */
class OutboxTransactionsIT {

    private final String topic = "senim.outbox-transactions-test." + UUID.randomUUID() + ".v1";
    private final String servers = Infrastructure.kafka().bootstrapServers();
    private OutboxProducer outbox;

    @BeforeEach
    void topic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.destroy();
        }
    }

    @Test
    void publications_added_one_after_another_are_complete_together_when_their_one_transaction_commits() {
        outbox = outbox(100);
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            sent.add(outbox.add(record(i)));
        }
        assertThat(sent).as("complete before the commit").noneMatch(CompletableFuture::isDone);

        outbox.commitOpenTransaction();

        assertThat(sent).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
        assertThat(arrived(10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // ten records and one commit marker
        awaitEndOffset(11);
    }

    @Test
    void a_transaction_takes_at_most_its_limit_and_the_next_one_the_rest() {
        outbox = outbox(4);
        List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            sent.add(outbox.add(record(i)));
        }
        assertThat(sent.subList(0, 8)).as("the two full transactions").allMatch(CompletableFuture::isDone);
        assertThat(sent.subList(8, 10)).as("the open one").noneMatch(CompletableFuture::isDone);

        outbox.commitOpenTransaction();

        assertThat(arrived(10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // ten records and three commit markers: 4 + 4 + 2
        awaitEndOffset(13);
    }

    @Test
    void a_publication_this_instance_already_sent_is_not_sent_again() {
        outbox = outbox(100);
        ProducerRecord<Object, Object> first = record(1);
        outbox.add(first);
        outbox.commitOpenTransaction();

        CompletableFuture<RecordMetadata> again = outbox.add(record(1, first));
        outbox.commitOpenTransaction();

        assertThat(again).isCompleted();
        assertThat(arrived(1)).containsExactly(1);
        awaitEndOffset(2);
    }

    private OutboxProducer outbox(int mostPerTransaction) {
        String id = "outbox-transactions-test-" + UUID.randomUUID();
        return new OutboxProducer(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                () -> id,
                Duration.ofSeconds(30),
                mostPerTransaction,
                // no commit for age during a test: the test decides when the open transaction is committed
                Duration.ofMinutes(10));
    }

    private ProducerRecord<Object, Object> record(int number) {
        return record(number, null);
    }

    /** A record as the outbox sends it (key, CloudEvents id), with the id of {@code sameEventAs} if given. */
    private ProducerRecord<Object, Object> record(int number, ProducerRecord<Object, Object> sameEventAs) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(
                topic, "aggregate", Integer.toString(number).getBytes(StandardCharsets.UTF_8));
        byte[] id = sameEventAs == null
                ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)
                : sameEventAs.headers().lastHeader(CloudEventHeaders.ID).value();
        record.headers().add(CloudEventHeaders.ID, id);
        return record;
    }

    /** What a read_committed consumer finds on the topic, in order, once the record numbered {@code last} is there. */
    private List<Integer> arrived(int last) {
        try (TopicProbe probe = TopicProbe.on(servers, topic)) {
            probe.await(r -> number(r) == last, Duration.ofSeconds(60));
            return probe.collect(r -> true, Duration.ofSeconds(1)).stream()
                    .map(OutboxTransactionsIT::number)
                    .toList();
        }
    }

    private static int number(ConsumerRecord<String, byte[]> record) {
        return Integer.parseInt(new String(record.value(), StandardCharsets.UTF_8));
    }

    /** Waits until the partition ends at this offset; more transactions than expected never reach it. */
    private void awaitEndOffset(long expected) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            assertThat(consumer.endOffsets(List.of(partition))).containsEntry(partition, expected));
        }
    }
}
