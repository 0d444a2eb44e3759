package kz.senim.notification.mapping;

import java.util.UUID;
import kz.senim.notification.reminder.ReminderRepository;
import org.springframework.stereotype.Component;

/** What training-service's events leave here: each activity's audience, registrations and reminders. */
@Component
class TrainingReadModel implements ReadModel {

    private static final String TRAINING = "kz.senim.training.";

    private final ActivityRepository activities;
    private final Reminders reminders;

    TrainingReadModel(ActivityRepository activities, Reminders reminders) {
        this.activities = activities;
        this.reminders = reminders;
    }

    @Override
    public void keep(EventFields event) {
        switch (event.type()) {
            case TRAINING + "activity-scheduled.v1" -> {
                UUID activityId = event.uuid("activityId");
                activities.schedule(
                        activityId, event.audience(event.texts("facilitatorIds")), event.instant("startsAt"));
                reminders.plan(event, ReminderRepository.Kind.ACTIVITY, activityId, null);
            }
            case TRAINING + "activity-rescheduled.v1" ->
                reminders.plan(event, ReminderRepository.Kind.ACTIVITY, event.uuid("activityId"), null);
            case TRAINING + "activity-cancelled.v1" ->
                reminders.cancel(ReminderRepository.Kind.ACTIVITY, event.uuid("activityId"));
            case TRAINING + "registration-changed.v1" ->
                activities.register(event.uuid("activityId"), event.text("userId"), event.text("status"));
            default -> {
                // Nothing else of training is kept here.
            }
        }
    }
}
