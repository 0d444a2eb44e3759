package kz.senim.notification.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.notification.reminder.ReminderAudience;
import org.springframework.stereotype.Component;

/** Who takes part in a session or an activity, as the read models know it now. */
@Component
public class Attendees implements ReminderAudience {

    private final CaseMediatorRepository mediators;
    private final ActivityRepository activities;
    private final SessionParticipantRepository participants;

    Attendees(
            CaseMediatorRepository mediators,
            ActivityRepository activities,
            SessionParticipantRepository participants) {
        this.mediators = mediators;
        this.activities = activities;
        this.participants = participants;
    }

    @Override
    public List<String> ofSession(UUID caseId, UUID sessionId) {
        Set<String> attendees = new LinkedHashSet<>(participants.participantsOf(sessionId));
        attendees.addAll(mediators.mediatorsOf(caseId));
        return List.copyOf(attendees);
    }

    @Override
    public List<String> ofActivity(UUID activityId) {
        Set<String> attendees = new LinkedHashSet<>(activities.confirmed(activityId));
        activities.audience(activityId).ifPresent(a -> attendees.addAll(a.facilitatorIds()));
        return List.copyOf(attendees);
    }
}
