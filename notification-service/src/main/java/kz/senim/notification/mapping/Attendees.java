package kz.senim.notification.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who takes part in a session or an activity, as the read models know it now. */
@Component
public class Attendees {

    private final CaseMediatorRepository mediators;
    private final ActivityRepository activities;

    Attendees(CaseMediatorRepository mediators, ActivityRepository activities) {
        this.mediators = mediators;
        this.activities = activities;
    }

    /** The mediators of the session's case (parties wait for case-service to name them in an event). */
    public List<String> ofSession(UUID caseId) {
        return mediators.mediatorsOf(caseId);
    }

    /** Those registered (not waitlisted) and the facilitators. */
    public List<String> ofActivity(UUID activityId) {
        Set<String> attendees = new LinkedHashSet<>(activities.confirmed(activityId));
        activities.audience(activityId).ifPresent(a -> attendees.addAll(a.facilitatorIds()));
        return List.copyOf(attendees);
    }
}
