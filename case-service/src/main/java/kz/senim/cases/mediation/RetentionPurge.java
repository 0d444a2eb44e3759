package kz.senim.cases.mediation;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges the confidential text of cases closed longer ago than their school's retention period
 * (a school setting, default 365 days), except under a legal hold. Safe with many
 * instances: each case is purged under its row lock, once.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Mediations mediations;

    RetentionPurge(Mediations mediations) {
        this.mediations = mediations;
    }

    @Scheduled(
            fixedDelayString = "${senim.cases.retention.check-interval:PT6H}",
            initialDelayString = "${senim.cases.retention.check-interval:PT6H}")
    int purgeDue() {
        int purged = 0;
        for (UUID id : mediations.dueForPurge()) {
            try {
                if (mediations.purge(id)) {
                    purged++;
                }
            } catch (RuntimeException e) {
                log.warn("Case {} not purged this time: {}", id, e.getClass().getSimpleName());
            }
        }
        return purged;
    }
}
