package kz.senim.notification.reminder.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPlanTest {

    private final ReminderPlan plan = new ReminderPlan(List.of(Duration.ofHours(1), Duration.ofHours(24)));
    private final Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void people_are_reminded_a_day_and_an_hour_before() {
        Instant startsAt = now.plus(Duration.ofDays(3));

        assertThat(plan.remindersFor(startsAt, now))
                .extracting(ReminderPlan.Due::at)
                .containsExactly(startsAt.minus(Duration.ofHours(1)), startsAt.minus(Duration.ofHours(24)));
    }

    @Test
    void a_reminder_whose_moment_has_passed_is_not_sent_late() {
        Instant startsAt = now.plus(Duration.ofHours(5));

        assertThat(plan.remindersFor(startsAt, now))
                .extracting(ReminderPlan.Due::lead)
                .containsExactly(Duration.ofHours(1));
        assertThat(plan.remindersFor(now.plus(Duration.ofMinutes(30)), now)).isEmpty();
    }

    @Test
    void lead_times_are_configurable_and_must_come_before_the_start() {
        ReminderPlan custom = new ReminderPlan(List.of(Duration.ofMinutes(15), Duration.ofMinutes(15)));

        assertThat(custom.leads()).containsExactly(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new ReminderPlan(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
