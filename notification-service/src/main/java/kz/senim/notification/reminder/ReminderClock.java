package kz.senim.notification.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the reminders that are due: claims them with {@code FOR UPDATE SKIP LOCKED}, stores the
 * notifications and marks them SENT in one transaction. The notifications' source id is derived
 * from the reminder and its start, so even a fired-twice reminder would store nothing twice.
 */
@Component
class ReminderClock {

    private static final int BATCH = 50;

    private final ReminderRepository reminders;
    private final ReminderAudience attendees;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final Counter fired;
    private final Clock clock;

    ReminderClock(
            ReminderRepository reminders,
            ReminderAudience attendees,
            Notifier notifier,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.clock = clock;
        this.reminders = reminders;
        this.attendees = attendees;
        this.notifier = notifier;
        this.transactions = transactions;
        this.fired = Counter.builder("senim.reminders.fired")
                .description("Reminders fired by this instance")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${senim.reminders.check-interval}",
            initialDelayString = "${senim.reminders.check-interval}")
    void fireDue() {
        int handled;
        do {
            Integer count = transactions.execute(status -> fireBatch());
            handled = count == null ? 0 : count;
        } while (handled == BATCH);
    }

    private int fireBatch() {
        List<ReminderRepository.Reminder> due = reminders.claimDue(clock.instant(), BATCH);
        for (ReminderRepository.Reminder reminder : due) {
            UUID source = UUID.nameUUIDFromBytes(
                    (reminder.id() + "@" + reminder.startsAt()).getBytes(StandardCharsets.UTF_8));
            switch (reminder.kind()) {
                case SESSION ->
                    notifier.notify(
                            source,
                            reminder.schoolId(),
                            attendees.ofSession(reminder.caseId(), reminder.subjectId()),
                            Category.REMINDERS,
                            "session-reminder",
                            Map.of("caseId", reminder.caseId().toString()));
                case ACTIVITY ->
                    notifier.notify(
                            source,
                            reminder.schoolId(),
                            attendees.ofActivity(reminder.subjectId()),
                            Category.REMINDERS,
                            "activity-reminder",
                            Map.of("activityId", reminder.subjectId().toString()));
            }
            reminders.markSent(reminder.id(), clock.instant());
            fired.increment();
        }
        return due.size();
    }
}
