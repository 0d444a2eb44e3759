package kz.senim.local.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.local.Platform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How long an event waits in case-service's outbox (issue 19, item 5): for every {@code request-submitted}
 * record that appears on {@code senim.cases.v1} while it runs, the time from the event's {@code ce_time} to the
 * moment this consumer read it, split at
 * the record's own timestamp (when case-service's producer made the record, i.e. left the outbox). {@code ce_time}
 * is the moment of the action, a few milliseconds before the commit, so the figures include the transaction. The consumer
 * reads committed records only, from the end of each partition, asking the broker to answer at once: a record
 * is seen within milliseconds of the broker's commit, on the same clock as the services.
 */
final class OutboxLag implements AutoCloseable {

    private static final String TOPIC = "senim.cases.v1";
    private static final String TYPE = "kz.senim.cases.request-submitted.v1";

    private final Latencies committedToRead = new Latencies();
    private final Latencies committedToProduced = new Latencies();
    private final Latencies producedToRead = new Latencies();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    private OutboxLag(Platform platform) {
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + platform.options().ports().kafka());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, not at the first poll
        reader = Thread.ofPlatform().name("benchmark-outbox-lag").start(this::read);
    }

    /** Starts reading the topic from its end. */
    static OutboxLag start(Platform platform) {
        return new OutboxLag(platform);
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Instant now = Instant.now();
                long readAt = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                if (!TYPE.equals(header(record, "ce_type"))) {
                    continue;
                }
                String time = header(record, "ce_time");
                if (time == null) {
                    unreadable.incrementAndGet();
                    continue;
                }
                Instant committed = OffsetDateTime.parse(time).toInstant();
                long committedNanos = committed.getEpochSecond() * 1_000_000_000L + committed.getNano();
                long producedNanos = record.timestamp() * 1_000_000L;
                committedToRead.add(Math.max(0, readAt - committedNanos));
                committedToProduced.add(Math.max(0, producedNanos - committedNanos));
                producedToRead.add(Math.max(0, readAt - producedNanos));
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Commit → read by a consumer (the outbox lag as an outside reader sees it). */
    Latencies committedToRead() {
        return committedToRead;
    }

    /** Commit → the record made by case-service's producer (the wait in the outbox). */
    Latencies committedToProduced() {
        return committedToProduced;
    }

    /** Record made → read (Kafka's own part: send, transaction commit, fetch). */
    Latencies producedToRead() {
        return producedToRead;
    }

    int unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(Duration.ofSeconds(10));
        consumer.close(Duration.ofSeconds(5));
    }
}
