package kz.senim.training.activities.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How a club meeting repeats: weekly or monthly, a bounded number of times. Occurrences keep the
 * wall-clock time of the first one in the school's time zone.
 */
public record Recurrence(Frequency frequency, int occurrences) {

    public static final int MAX_OCCURRENCES = 60;

    public enum Frequency {
        WEEKLY,
        MONTHLY
    }

    public Recurrence {
        if (occurrences < 1 || occurrences > MAX_OCCURRENCES) {
            throw new IllegalArgumentException("occurrences must be between 1 and " + MAX_OCCURRENCES);
        }
    }

    /** The start of every occurrence, the first one included. */
    public List<Instant> startsFrom(Instant first, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(first, zone);
        List<Instant> starts = new ArrayList<>(occurrences);
        for (int i = 0; i < occurrences; i++) {
            LocalDateTime next = frequency == Frequency.WEEKLY ? local.plusWeeks(i) : local.plusMonths(i);
            starts.add(next.atZone(zone).toInstant());
        }
        return starts;
    }
}
