package kz.senim.platform.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code processed_message} table: which events each consumer has already applied. Written in
 * the same transaction as the event's effect, so a redelivered record has no second effect.
 */
public class ProcessedMessages {

    private final JdbcTemplate jdbc;

    public ProcessedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event for the consumer; false when it was already there (a redelivery). */
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.update(
                        "insert into processed_message (consumer, message_id, processed_at) values (?, ?, now())"
                                + " on conflict do nothing",
                        consumer,
                        eventId)
                == 1;
    }
}
