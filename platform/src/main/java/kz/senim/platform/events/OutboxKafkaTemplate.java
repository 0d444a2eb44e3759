package kz.senim.platform.events;

import java.util.concurrent.CompletableFuture;
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
 */
class OutboxKafkaTemplate extends KafkaTemplate<Object, Object> {

    private final OutboxProducer outbox;

    OutboxKafkaTemplate(ProducerFactory<Object, Object> producers, OutboxProducer outbox) {
        super(producers);
        this.outbox = outbox;
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
        return sent.thenApply(metadata -> new SendResult<>(record, metadata));
    }
}
