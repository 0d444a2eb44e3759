package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Orientation to the future: every agreement in force is followed up on a date (the school's number of days
 * after the last signature, counted in its time zone), and the team records whether it was kept.
 *
 * @param date {@code null} while no agreement is in force
 * @param result {@code null} until the follow-up is recorded
 */
public record FollowUp(LocalDate date, FollowUpResult result) {

    public static final FollowUp NONE = new FollowUp(null, null);

    /** The follow-up of an agreement that came into force at {@code now}. */
    static FollowUp after(Instant now, MediationSettings settings) {
        return new FollowUp(LocalDate.ofInstant(now, settings.timeZone()).plusDays(settings.followUpDays()), null);
    }

    /** Whether its date has come at {@code now}, in the school's time zone. */
    boolean isDue(Instant now, MediationSettings settings) {
        return date != null && !LocalDate.ofInstant(now, settings.timeZone()).isBefore(date);
    }

    FollowUp recorded(FollowUpResult found) {
        return new FollowUp(date, found);
    }

    /** Only an agreement not kept brings the parties back to mediation. */
    boolean foundNotKept() {
        return result == FollowUpResult.NOT_KEPT;
    }

    Optional<LocalDate> dateIfAny() {
        return Optional.ofNullable(date);
    }
}
