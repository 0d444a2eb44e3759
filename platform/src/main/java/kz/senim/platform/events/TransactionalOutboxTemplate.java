package kz.senim.platform.events;

import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;

/**
 * The service's {@link KafkaTemplate}, on a transactional producer factory. The outbox hands its
 * publications over as {@link Message}s (Spring Modulith's Kafka externalizer calls
 * {@link #send(Message)}); each such send runs in a Kafka transaction of its own, committed before the
 * send counts as done. Consumers read committed records only, so a batch a producer had in flight when
 * it gave up (a frozen broker that later resumes and appends it) belongs to a transaction that is never
 * committed: the next producer with the same {@code transactional.id} fences it and the broker aborts
 * it. The resubmitted publication is the only copy a {@code read_committed} consumer sees.
 *
 * <p>Every other send (dead letters, tests) is non-transactional, as before.
 */
class TransactionalOutboxTemplate extends KafkaTemplate<Object, Object> {

    private final ThreadLocal<Boolean> inOutboxSend = new ThreadLocal<>();

    TransactionalOutboxTemplate(ProducerFactory<Object, Object> producers) {
        super(producers);
        setAllowNonTransactional(true);
    }

    @Override
    public CompletableFuture<SendResult<Object, Object>> send(Message<?> message) {
        if (!isTransactional() || Boolean.TRUE.equals(inOutboxSend.get())) {
            return super.send(message);
        }
        inOutboxSend.set(Boolean.TRUE);
        try {
            // The commit flushes the record, so the future is complete when this returns; a failed
            // begin, send or commit throws, and the outbox keeps the publication for resubmission.
            return executeInTransaction(operations -> super.send(message));
        } finally {
            inOutboxSend.remove();
        }
    }
}
