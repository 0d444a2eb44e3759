package kz.senim.cases.mediation;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the follow-up date of an agreement, moves the case to {@code FOLLOW_UP} (and so tells the
 * team through {@code follow-up-due}). Safe with many instances: each case is moved under its row
 * lock and only from {@code AGREEMENT_REACHED}.
 */
@Component
class FollowUpReminder {

    private static final Logger log = LoggerFactory.getLogger(FollowUpReminder.class);

    private final Mediations mediations;

    FollowUpReminder(Mediations mediations) {
        this.mediations = mediations;
    }

    @Scheduled(
            fixedDelayString = "${senim.cases.follow-up.check-interval:PT1H}",
            initialDelayString = "${senim.cases.follow-up.check-interval:PT1H}")
    int remindDue() {
        int moved = 0;
        for (UUID id : mediations.followUpsDue()) {
            try {
                if (mediations.remindFollowUp(id)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                // Ids only: the next run tries again.
                log.warn(
                        "Follow-up of case {} not moved this time: {}",
                        id,
                        e.getClass().getSimpleName());
            }
        }
        return moved;
    }
}
