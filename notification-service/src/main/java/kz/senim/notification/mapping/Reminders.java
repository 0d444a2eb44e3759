package kz.senim.notification.mapping;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import kz.senim.notification.reminder.ReminderRepository;
import kz.senim.notification.reminder.domain.ReminderPlan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The reminders of sessions and activities, planned from the events that schedule them. */
@Component
@EnableConfigurationProperties(ReminderSettings.class)
class Reminders {

    private final ReminderRepository reminders;
    private final ReminderPlan plan;
    private final Clock clock;

    Reminders(ReminderRepository reminders, ReminderSettings settings, Clock clock) {
        this.reminders = reminders;
        this.plan = new ReminderPlan(settings.leads());
        this.clock = clock;
    }

    /** Plans (again) the reminders of what the event says starts at {@code startsAt}. */
    void plan(EventFields event, ReminderRepository.Kind kind, UUID subjectId, UUID caseId) {
        Instant startsAt = event.instant("startsAt");
        reminders.plan(kind, subjectId, caseId, event.school(), plan.remindersFor(startsAt, clock.instant()), startsAt);
    }

    void cancel(ReminderRepository.Kind kind, UUID subjectId) {
        reminders.cancel(kind, subjectId);
    }

    /** A case that ended reminds nobody of its sessions (voluntariness). */
    void cancelOfCase(UUID caseId) {
        reminders.cancelOfCase(caseId);
    }
}
