package kz.senim.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryTest {

    @Test
    void essential_mail_is_sent_even_to_those_who_switched_it_off() {
        assertThat(Category.CASE_WORK.mailed(false)).isTrue();
        assertThat(Category.CASE_PARTICIPATION.mailed(false)).isTrue();
        assertThat(Category.APPLICATION_STATUS.mailed(false)).isTrue();
    }

    @Test
    void other_mail_is_sent_until_the_recipient_switches_it_off() {
        assertThat(Category.ACTIVITIES.mailed(null)).isTrue();
        assertThat(Category.ACTIVITIES.mailed(true)).isTrue();
        assertThat(Category.ACTIVITIES.mailed(false)).isFalse();
        assertThat(Category.REMINDERS.mailed(false)).isFalse();
    }
}
