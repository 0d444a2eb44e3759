package kz.senim.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The outbox's Kafka producer: publications handed over one after another share a Kafka transaction
 * (decision 154), and a publication is never sent again while an earlier attempt may still become
 * visible (decision 101).
 *
 * <p>A publication handed over for the first time joins the open transaction ({@link #add}); the outbox's
 * thread commits it as soon as it has nothing more to add ({@link #commitOpenTransaction}), after at most
 * a number of publications or a time (both configurable, {@link EventsProperties}). A transaction is committed
 * or aborted as a whole, so every rule below holds for all its publications together; their order on
 * a partition is the order they were added in.
 *
 * <p>Rules, all on the outbox's one thread ({@link CommitOrder}):
 *
 * <ol>
 *   <li>A transaction whose commit or abort timed out is finished <em>by the same producer</em>: the
 *       client allows retrying {@code commitTransaction}/{@code abortTransaction} after a time-out, and
 *       only the retry completes that very transaction. A publication fails only once its transaction
 *       is known to be aborted, or after the producer was discarded (below).
 *   <li>When the outcome stays unknown longer than the patience, the producer is discarded and the
 *       publication fails. The next producer has the same {@code transactional.id}, so its
 *       {@code initTransactions} fences whatever the discarded one left: an open transaction is
 *       aborted, a commit already under way completes first.
 *   <li>A publication sent again (a resubmission, after any failure or a crash of the service) is sent
 *       in a transaction of its own, after the open one was committed, and first looked for on the
 *       topic, {@code read_committed}, in the partition its key maps to, from a little before its {@code ce_time} up to everything the partition held when the look began —
 *       waiting until every transaction in that range is decided. Found: it counts as sent, nothing is
 *       sent. Because rule 1 and 2 decide every earlier attempt before the look, what the look finds
 *       is final.
 *   <li>Within one process, a publication handed over twice (the outbox's staleness monitor resubmits
 *       one still waiting its turn) is sent once: the ids of sent events are remembered.
 * </ol>
 */
class OutboxProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxProducer.class);

    /** How far before its {@code ce_time} an event is looked for: clocks of instances may differ. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private static final int REMEMBERED = 10_000;

    private final Map<String, Object> producerConfig;
    private final Map<String, Object> clientConfig;
    private final Supplier<String> transactionalIds;
    private String transactionalId;
    private final Duration patience;
    private final int mostPerTransaction;
    private final long longestTransactionNanos;
    /** Ids of events this instance attempted: true once committed, false while it may be on the topic. */
    private final Map<String, Boolean> attempted = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    private KafkaProducer<Object, Object> producer;
    private boolean initialized;
    /** Whether the producer has a transaction open, and the publications it holds. */
    private boolean inTransaction;

    private long transactionBegan;
    private final List<Pending> open = new ArrayList<>();

    /** A publication in the open transaction: what it sent, and the future completed once that is decided. */
    private record Pending(String eventId, Future<RecordMetadata> sent, CompletableFuture<RecordMetadata> outcome) {}

    private volatile boolean closed;

    /**
     * @param producerConfig the service's producer configuration (serializers, bootstrap servers, time-outs)
     * @param clientConfig what any client needs to reach the cluster (bootstrap servers, security)
     * @param transactionalId unique per running instance and, ideally, the same after its restart; asked
     *     for when the first producer is made, once the environment is complete
     * @param patience how long a commit or abort whose outcome is unknown is retried by the same producer
     * @param mostPerTransaction the most publications one transaction holds
     * @param longestTransaction how long a transaction takes more publications before it is committed
     */
    OutboxProducer(
            Map<String, Object> producerConfig,
            Map<String, Object> clientConfig,
            Supplier<String> transactionalId,
            Duration patience,
            int mostPerTransaction,
            Duration longestTransaction) {
        this.producerConfig = new HashMap<>(producerConfig);
        this.producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        // A transaction left open by an instance that died blocks read_committed consumers of its partition
        // until its successor fences it or the coordinator aborts it: keep that short.
        this.producerConfig.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        this.clientConfig = new HashMap<>(clientConfig);
        this.transactionalIds = transactionalId;
        this.patience = patience;
        this.mostPerTransaction = mostPerTransaction;
        this.longestTransactionNanos = longestTransaction.toNanos();
    }

    /**
     * Creates the producer and fences what an earlier producer with this {@code transactional.id} left
     * (a crashed predecessor's open transaction); called once at start so that consumers do not wait
     * for that transaction to time out. A failure is logged: the next send tries again.
     */
    synchronized void prepare() {
        try {
            ready();
        } catch (RuntimeException e) {
            log.warn("The outbox's Kafka producer {} is not ready yet: {}", transactionalId, e.toString());
        }
    }

    /**
     * Adds a publication handed over for the first time to the open Kafka transaction (beginning one when
     * none is open). The returned future completes when that transaction is decided: with the record's
     * metadata once it committed, exceptionally when it was aborted or its outcome stayed unknown (the
     * publication is then not on the topic, or will be found there before it is sent again). The
     * transaction is committed by {@link #commitOpenTransaction()}, or here when it already holds
     * the most publications a transaction may, or began longer ago than a transaction may take more.
     */
    synchronized CompletableFuture<RecordMetadata> add(ProducerRecord<Object, Object> record) {
        String eventId = header(record, CloudEventHeaders.ID);
        if (eventId != null && attempted.containsKey(eventId)) {
            // This instance attempted it before: sent, or to be looked for before it is sent again, alone.
            return sendAgain(record);
        }
        if (open.size() >= mostPerTransaction) {
            commitOpenTransaction();
        }
        CompletableFuture<RecordMetadata> outcome = new CompletableFuture<>();
        try {
            KafkaProducer<Object, Object> producer = ready();
            ProducerRecord<Object, Object> routed = routed(producer, record);
            if (!inTransaction) {
                begin(producer);
            }
            if (eventId != null) {
                attempted.put(eventId, false);
            }
            open.add(new Pending(eventId, producer.send(routed), outcome));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            if (inTransaction) {
                // What the transaction holds so far cannot be committed without this one's place in the order.
                abortOpenTransaction(e);
            }
            return outcome;
        }
        if (System.nanoTime() - transactionBegan >= longestTransactionNanos) {
            commitOpenTransaction();
        }
        return outcome;
    }

    /**
     * Commits the open transaction, if any, and completes the futures of its publications: normally, or
     * exceptionally when it was aborted or its outcome stayed unknown longer than the patience.
     */
    synchronized void commitOpenTransaction() {
        if (!inTransaction) {
            return;
        }
        List<Pending> publications = List.copyOf(open);
        open.clear();
        inTransaction = false;
        try {
            commit(producer);
        } catch (RuntimeException e) {
            publications.forEach(p -> p.outcome().completeExceptionally(e));
            return;
        }
        for (Pending publication : publications) {
            if (publication.eventId() != null) {
                attempted.put(publication.eventId(), true);
            }
            publication.outcome().complete(metadata(publication.sent()));
        }
    }

    /**
     * Sends a publication that may have been sent before (a resubmission) in a transaction of its own, after
     * committing the open one, unless this instance knows it sent it or it is found on the topic; completes
     * once that is decided.
     */
    synchronized CompletableFuture<RecordMetadata> sendAgain(ProducerRecord<Object, Object> record) {
        commitOpenTransaction();
        try {
            return CompletableFuture.completedFuture(send(record));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RecordMetadata send(ProducerRecord<Object, Object> record) {
        String eventId = header(record, CloudEventHeaders.ID);
        if (eventId != null && Boolean.TRUE.equals(attempted.get(eventId))) {
            log.info("Event {} was already sent by this instance; not sent again", eventId);
            return null;
        }
        KafkaProducer<Object, Object> producer = ready();
        ProducerRecord<Object, Object> routed = routed(producer, record);
        if (eventId != null && alreadyOnTopic(routed, eventId)) {
            log.info(
                    "Event {} is already on {}; its publication is complete without sending it again",
                    eventId,
                    record.topic());
            attempted.put(eventId, true);
            return null;
        }
        if (eventId != null) {
            attempted.put(eventId, false);
        }
        begin(producer);
        Future<RecordMetadata> result;
        try {
            result = producer.send(routed);
        } catch (RuntimeException e) {
            abortOpenTransaction(e);
            throw e;
        }
        inTransaction = false;
        commit(producer);
        if (eventId != null) {
            attempted.put(eventId, true);
        }
        return metadata(result);
    }

    private void begin(KafkaProducer<Object, Object> producer) {
        try {
            producer.beginTransaction();
        } catch (KafkaException e) {
            discard();
            throw e;
        }
        inTransaction = true;
        transactionBegan = System.nanoTime();
    }

    /** Aborts the open transaction and fails every publication it held. */
    private void abortOpenTransaction(RuntimeException cause) {
        List<Pending> publications = List.copyOf(open);
        open.clear();
        inTransaction = false;
        abort(producer, cause);
        publications.forEach(p -> p.outcome().completeExceptionally(cause));
    }

    /** Committed means the record was written; the send's own result is only a courtesy. */
    private static RecordMetadata metadata(Future<RecordMetadata> sent) {
        try {
            return sent.isDone() ? sent.get() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private KafkaProducer<Object, Object> ready() {
        if (closed) {
            throw new IllegalStateException("The outbox's producer is closed");
        }
        if (producer == null) {
            if (transactionalId == null) {
                transactionalId = transactionalIds.get();
                producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
                producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
            }
            producer = new KafkaProducer<>(producerConfig);
            initialized = false;
        }
        if (!initialized) {
            try {
                // Fences every earlier producer of this transactional.id; may be retried after a time-out.
                producer.initTransactions();
                initialized = true;
            } catch (TimeoutException e) {
                throw e;
            } catch (KafkaException e) {
                discard();
                throw e;
            }
        }
        return producer;
    }

    /** Commits, retrying a commit that timed out with the same producer; aborts after an abortable error. */
    private void commit(KafkaProducer<Object, Object> producer) {
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (closed || Instant.now().isAfter(giveUp)) {
                    log.warn(
                            "The outcome of an outbox transaction is unknown after {}; its producer is replaced",
                            patience);
                    discard();
                    throw e;
                }
                log.info("Committing an outbox transaction timed out; trying again with the same producer");
            } catch (InterruptException e) {
                discard();
                throw e;
            } catch (KafkaException e) {
                // The send failed (e.g. its batch expired): the transaction can only be aborted.
                abort(producer, e);
                throw e;
            }
        }
    }

    /** Aborts, retrying an abort that timed out; discards the producer when it cannot. */
    private void abort(KafkaProducer<Object, Object> producer, RuntimeException cause) {
        if (producer == null) {
            return;
        }
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            try {
                producer.abortTransaction();
                log.info(
                        "An outbox transaction was aborted ({}); its publication is sent again later",
                        cause.getClass().getSimpleName());
                return;
            } catch (TimeoutException e) {
                if (closed || Instant.now().isAfter(giveUp)) {
                    log.warn(
                            "Aborting an outbox transaction did not finish within {}; its producer is replaced",
                            patience);
                    discard();
                    return;
                }
            } catch (RuntimeException e) {
                // A fatal error (fenced, closed, interrupted): only a new producer can go on.
                discard();
                return;
            }
        }
    }

    private void discard() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing a discarded outbox producer failed: {}", e.toString());
            }
            producer = null;
            initialized = false;
        }
    }

    /**
     * The record with its partition chosen as Kafka's default partitioner would for its key, so that a
     * later look for it reads that one partition.
     */
    private static ProducerRecord<Object, Object> routed(
            KafkaProducer<Object, Object> producer, ProducerRecord<Object, Object> record) {
        if (record.partition() != null || !(record.key() instanceof String key)) {
            return record;
        }
        int partitions = producer.partitionsFor(record.topic()).size();
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        return new ProducerRecord<>(
                record.topic(), partition, record.timestamp(), record.key(), record.value(), record.headers());
    }

    /**
     * Whether a committed record with this {@code ce_id} is in the record's partition. Reads from a
     * little before the event's time up to the partition's end as it was when the look began, with
     * {@code read_committed}: it waits (up to the patience) until every transaction in that range is
     * committed or aborted, so an answer is never given while an earlier copy could still appear.
     */
    private boolean alreadyOnTopic(ProducerRecord<Object, Object> record, String eventId) {
        Instant since = eventTime(record).minus(CLOCK_MARGIN);
        List<TopicPartition> partitions = record.partition() != null
                ? List.of(new TopicPartition(record.topic(), record.partition()))
                : IntStream.range(0, producer.partitionsFor(record.topic()).size())
                        .mapToObj(p -> new TopicPartition(record.topic(), p))
                        .toList();
        byte[] wanted = eventId.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-look");
        try (Admin admin = Admin.create(clientConfig);
                KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts =
                    offsets(admin, partitions, OffsetSpec.forTimestamp(since.toEpochMilli()));
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                long start = starts.get(partition) < 0 ? ends.get(partition) : starts.get(partition);
                consumer.seek(partition, start);
            }
            Instant giveUp = Instant.now().plus(patience);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (closed || Instant.now().isAfter(giveUp)) {
                    throw new TimeoutException("Transactions on " + partitions
                            + " were not decided in time; the look for an event is tried again later");
                }
                for (ConsumerRecord<byte[], byte[]> seen : consumer.poll(Duration.ofMillis(200))) {
                    if (seen.offset() < ends.get(new TopicPartition(seen.topic(), seen.partition()))) {
                        Header id = seen.headers().lastHeader(CloudEventHeaders.ID);
                        if (id != null && Arrays.equals(id.value(), wanted)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** Offsets of a spec, of everything appended (open transactions included): what the look must cover. */
    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        try {
            Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(
                            request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            result.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        }
    }

    private static Instant eventTime(ProducerRecord<Object, Object> record) {
        Instant now = Instant.now();
        String time = header(record, CloudEventHeaders.TIME);
        if (time == null) {
            return now;
        }
        try {
            Instant occurred = Instant.parse(time);
            return occurred.isBefore(now) ? occurred : now;
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    private static String header(ProducerRecord<Object, Object> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        closed = true;
        close();
    }

    private synchronized void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing the outbox producer failed: {}", e.toString());
            }
            producer = null;
        }
    }
}
