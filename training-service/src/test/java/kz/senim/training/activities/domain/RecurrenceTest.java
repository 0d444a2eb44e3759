package kz.senim.training.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Test
    void a_weekly_club_meeting_repeats_at_the_same_hour_every_week() {
        assertThat(new Recurrence(Recurrence.Frequency.WEEKLY, 3)
                        .startsFrom(Instant.parse("2026-12-01T10:00:00Z"), ALMATY))
                .containsExactly(
                        Instant.parse("2026-12-01T10:00:00Z"),
                        Instant.parse("2026-12-08T10:00:00Z"),
                        Instant.parse("2026-12-15T10:00:00Z"));
    }

    @Test
    void a_monthly_meeting_on_the_31st_falls_on_the_last_day_of_shorter_months() {
        assertThat(new Recurrence(Recurrence.Frequency.MONTHLY, 3)
                        .startsFrom(Instant.parse("2027-01-31T09:00:00Z"), ALMATY))
                .containsExactly(
                        Instant.parse("2027-01-31T09:00:00Z"),
                        Instant.parse("2027-02-28T09:00:00Z"),
                        Instant.parse("2027-03-31T09:00:00Z"));
    }

    @Test
    void occurrences_keep_the_wall_clock_time_across_a_daylight_saving_change() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(new Recurrence(Recurrence.Frequency.WEEKLY, 2)
                        .startsFrom(Instant.parse("2027-03-22T14:00:00Z"), berlin))
                .containsExactly(Instant.parse("2027-03-22T14:00:00Z"), Instant.parse("2027-03-29T13:00:00Z"));
    }

    @Test
    void a_series_is_bounded() {
        assertThatThrownBy(() -> new Recurrence(Recurrence.Frequency.WEEKLY, Recurrence.MAX_OCCURRENCES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
