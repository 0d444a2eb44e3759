package kz.senim.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends FAILED outbox publications again while the service runs, so an event published while
 * Kafka was unreachable is delivered once the broker is back, without a restart. A PostgreSQL
 * advisory lock keeps two instances of a service from resubmitting the same rows at once.
 */
public class FailedPublicationResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationResubmission.class);
    private static final long LOCK_KEY = 0x53656e696d01L;

    private final FailedEventPublications failed;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public FailedPublicationResubmission(
            FailedEventPublications failed, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void resubmit() {
        try {
            transactions.executeWithoutResult(status -> {
                Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
                if (Boolean.TRUE.equals(locked)) {
                    failed.resubmit(ResubmissionOptions.defaults());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications did not succeed this time: {}", e.toString());
        }
    }
}
