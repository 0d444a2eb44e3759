package kz.senim.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    private final Instant created = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void each_failed_attempt_doubles_the_wait() {
        assertThat(schedule.nextAttempt(1, created, created)).contains(created.plusSeconds(30));
        assertThat(schedule.nextAttempt(2, created, created)).contains(created.plusSeconds(60));
        assertThat(schedule.nextAttempt(3, created, created)).contains(created.plusSeconds(120));
    }

    @Test
    void the_wait_never_grows_beyond_its_cap() {
        Instant now = created.plus(Duration.ofHours(2));

        assertThat(schedule.nextAttempt(30, created, now)).contains(now.plus(Duration.ofHours(1)));
        assertThat(schedule.nextAttempt(Integer.MAX_VALUE, created, now)).contains(now.plus(Duration.ofHours(1)));
    }

    @Test
    void the_last_attempt_falls_at_the_end_of_the_window_and_then_delivery_is_given_up() {
        Instant nearTheEnd = created.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));

        assertThat(schedule.nextAttempt(40, created, nearTheEnd)).contains(created.plus(Duration.ofHours(24)));
        assertThat(schedule.nextAttempt(41, created, created.plus(Duration.ofHours(24))))
                .isEmpty();
    }

    @Test
    void a_back_off_must_start_above_zero_and_not_exceed_its_cap() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
