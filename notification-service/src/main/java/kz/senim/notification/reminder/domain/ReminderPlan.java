package kz.senim.notification.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to remind people of something that starts at a given time: once per lead time (by default
 * 24 hours and 1 hour before). A reminder whose moment has already passed when the session or
 * activity is (re)scheduled is not sent late.
 */
public record ReminderPlan(List<Duration> leads) {

    public record Due(Duration lead, Instant at) {}

    public ReminderPlan {
        if (leads.stream().anyMatch(lead -> lead.isNegative() || lead.isZero())) {
            throw new IllegalArgumentException("a reminder comes before the start");
        }
        leads = leads.stream().distinct().sorted().toList();
    }

    public List<Due> remindersFor(Instant startsAt, Instant now) {
        return leads.stream()
                .map(lead -> new Due(lead, startsAt.minus(lead)))
                .filter(due -> due.at().isAfter(now))
                .toList();
    }
}
