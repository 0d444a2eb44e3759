package kz.senim.notification.reminder;

import java.util.List;
import java.util.UUID;

/**
 * Who takes part in a session or an activity at the time a reminder goes out, as the read models of the
 * mapping feature know them (it implements this), so that reminders do not depend on that feature.
 */
public interface ReminderAudience {

    /** The parties (with an account) taking part in the session, and the mediators of its case. */
    List<String> ofSession(UUID caseId, UUID sessionId);

    /** Those registered (not waitlisted) and the facilitators. */
    List<String> ofActivity(UUID activityId);
}
