package kz.senim.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;

/**
 * The service's {@link KafkaTemplate}. Spring Modulith's Kafka externalizer hands the outbox's
 * publications over as {@link Message}s ({@link #send(Message)}) on the outbox's thread
 * ({@link CommitOrder}); those go through {@link OutboxProducer}, transactionally and never twice: a
 * first hand-over joins the open Kafka transaction and its future completes when that commits, a
 * publication handed over again is sent alone.
 * Every other send (dead letters, tests) is the ordinary, non-transactional one.
 *
 * <p>What Spring Modulith does once a publication's future completes — marking it complete, a row deleted in a
 * transaction of its own — runs on a thread of its own ({@code senim-outbox-completion}), not on the outbox's
 * thread that committed the Kafka transaction: that thread is the one that sends, and under load it spent as
 * much time waiting for a database connection for those marks as sending (decision 158). A mark not made
 * because the service stopped first leaves the publication incomplete: it is resubmitted later, found on the
 * topic and completed without a second send (decision 101).
 */
class OutboxKafkaTemplate extends KafkaTemplate<Object, Object> {

    private final OutboxProducer outbox;
    private final ExecutorService completions = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("senim-outbox-completion").daemon().factory());

    /** The completion thread; once it has stopped, the thread that completed the future. */
    private final Executor completion = task -> {
        try {
            completions.execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run();
        }
    };

    OutboxKafkaTemplate(ProducerFactory<Object, Object> producers, OutboxProducer outbox) {
        super(producers);
        this.outbox = outbox;
    }

    /** Lets the marks already waiting be made (a few seconds at most), then stops the completion thread. */
    @Override
    public void destroy() {
        completions.shutdown();
        try {
            completions.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.destroy();
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<SendResult<Object, Object>> send(Message<?> message) {
        CommitOrder.HandOver handOver = CommitOrder.handingOver();
        if (handOver == null) {
            return super.send(message);
        }
        ProducerRecord<Object, Object> record;
        try {
            record = (ProducerRecord<Object, Object>) getMessageConverter().fromMessage(message, getDefaultTopic());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<RecordMetadata> sent =
                handOver == CommitOrder.HandOver.AGAIN ? outbox.sendAgain(record) : outbox.add(record);
        return sent.thenApplyAsync(metadata -> new SendResult<>(record, metadata), completion);
    }
}
