package kz.senim.notification.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.delivery.Notifier;
import kz.senim.notification.delivery.domain.Category;
import org.springframework.stereotype.Component;

/**
 * Whom training-service's events concern: an activity's audience or those registered, a material's audience,
 * a trainee who qualified and the school's coordinators.
 */
@Component
class TrainingNotifications implements Notifications {

    private static final String TRAINING = "kz.senim.training.";

    private final Notifier notifier;
    private final Audiences audiences;
    private final ActivityRepository activities;
    private final Clock clock;

    TrainingNotifications(Notifier notifier, Audiences audiences, ActivityRepository activities, Clock clock) {
        this.notifier = notifier;
        this.audiences = audiences;
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public void tell(EventFields event) {
        switch (event.type()) {
            case TRAINING + "activity-scheduled.v1" -> announce(event);
            case TRAINING + "activity-rescheduled.v1" ->
                tell(
                        event,
                        activities.registered(event.uuid("activityId")),
                        Category.ACTIVITIES,
                        "activity-rescheduled",
                        "activityId");
            case TRAINING + "activity-cancelled.v1" -> {
                UUID activityId = event.uuid("activityId");
                List<String> registered = activities.registered(activityId);
                List<String> told = registered.isEmpty()
                        ? activities.audience(activityId).map(audiences::of).orElse(List.of())
                        : registered;
                tell(event, told, Category.ACTIVITIES, "activity-cancelled", "activityId");
            }
            case TRAINING + "material-published.v1" ->
                tell(
                        event,
                        audiences.of(event.audience(List.of())),
                        Category.MATERIALS,
                        "material-published",
                        "materialId");
            case TRAINING + "trainee-qualified.v1" -> {
                String member = event.text("userId");
                notifier.notify(
                        event.id(),
                        event.school(),
                        List.of(member),
                        Category.QUALIFICATIONS,
                        "trainee-qualified",
                        Map.of());
                List<String> coordinators = new ArrayList<>(audiences.coordinators(event.school()));
                coordinators.remove(member);
                notifier.notify(
                        event.id(),
                        event.school(),
                        coordinators,
                        Category.QUALIFICATIONS,
                        "trainee-qualified-coordinator",
                        Map.of());
            }
            default -> {
                // Not a training event anyone is told about (registrations feed the read model).
            }
        }
    }

    /**
     * Tells the audience of a new activity, once: an activity recorded after it started is news to
     * nobody, and a series (weekly club meetings) is announced by its first upcoming occurrence only —
     * its source id is derived from the series, so the occurrences after it store nothing new.
     */
    private void announce(EventFields event) {
        ActivityRepository.Audience audience = event.audience(event.texts("facilitatorIds"));
        Instant startsAt = event.instant("startsAt");
        if (!startsAt.isAfter(clock.instant())) {
            return;
        }
        UUID announcement = event.optionalText("seriesId")
                .map(series -> UUID.nameUUIDFromBytes(
                        ("activity-series-announced:" + series).getBytes(StandardCharsets.UTF_8)))
                .orElse(event.id());
        notifier.notify(
                announcement,
                event.school(),
                audiences.of(audience),
                Category.ACTIVITIES,
                "activity-scheduled",
                event.link("activityId"));
    }

    private void tell(EventFields event, List<String> recipients, Category category, String template, String link) {
        notifier.notify(event.id(), event.school(), recipients, category, template, event.link(link));
    }
}
