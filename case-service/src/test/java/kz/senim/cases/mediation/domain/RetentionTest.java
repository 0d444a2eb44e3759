package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retention on its own: due after the period, never under a legal hold, never twice. */
class RetentionTest {

    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void due_once_the_period_after_closure_has_passed() {
        assertThat(Retention.KEPT.isDue(NOW, YEAR, NOW.plus(YEAR).minusSeconds(1)))
                .isFalse();
        assertThat(Retention.KEPT.isDue(NOW, YEAR, NOW.plus(YEAR))).isTrue();
        assertThat(Retention.KEPT.isDue(null, YEAR, NOW.plus(YEAR)))
                .as("an open case")
                .isFalse();
    }

    @Test
    void a_legal_hold_stops_the_purge_until_released() {
        Retention held = Retention.KEPT.held();

        assertThat(held.isDue(NOW, YEAR, NOW.plus(YEAR))).isFalse();
        assertThat(held.released().isDue(NOW, YEAR, NOW.plus(YEAR))).isTrue();
    }

    @Test
    void a_purged_case_is_not_purged_again_nor_held() {
        Retention purged = Retention.KEPT.purged(NOW.plus(YEAR));

        assertThat(purged.isDue(NOW, YEAR, NOW.plus(YEAR).plus(YEAR))).isFalse();
        assertThatThrownBy(purged::held)
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("case-already-purged"));
    }
}
