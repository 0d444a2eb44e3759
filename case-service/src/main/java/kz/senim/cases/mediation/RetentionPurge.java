package kz.senim.cases.mediation;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges the confidential text of cases closed longer ago than the retention period (default 365
 * days; per-school settings are not built yet), except under a legal hold. Safe with many
 * instances: each case is purged under its row lock, once.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Mediations mediations;
    private final Duration retention;

    RetentionPurge(Mediations mediations, @Value("${senim.cases.retention.days:365}") int days) {
        this.mediations = mediations;
        this.retention = Duration.ofDays(days);
    }

    @Scheduled(
            fixedDelayString = "${senim.cases.retention.check-interval:PT6H}",
            initialDelayString = "${senim.cases.retention.check-interval:PT6H}")
    int purgeDue() {
        int purged = 0;
        for (UUID id : mediations.dueForPurge(retention)) {
            try {
                if (mediations.purge(id, retention)) {
                    purged++;
                }
            } catch (RuntimeException e) {
                log.warn("Case {} not purged this time: {}", id, e.getClass().getSimpleName());
            }
        }
        return purged;
    }
}
