package kz.senim.platform.messaging;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies an incoming event at most once per consumer: the {@code processed_message} row and the
 * effect commit together, or neither does and the record is retried.
 */
public class IncomingEvents {

    private final ProcessedMessages processed;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public IncomingEvents(ProcessedMessages processed, TransactionTemplate transactions, JsonMapper json) {
        this.processed = processed;
        this.transactions = transactions;
        this.json = json;
    }

    /** Returns true when the effect ran, false for a duplicate. */
    public boolean handleOnce(String consumer, ConsumerRecord<?, byte[]> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record, json);
        Boolean applied = transactions.execute(status -> {
            if (!processed.firstDelivery(consumer, event.id())) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
