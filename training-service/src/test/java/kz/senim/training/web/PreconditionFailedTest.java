package kz.senim.training.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreconditionFailedTest {

    @Test
    void no_if_match_or_a_star_or_the_current_etag_lets_the_change_through() {
        assertThatCode(() -> PreconditionFailed.check(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> PreconditionFailed.check("*", 3)).doesNotThrowAnyException();
        assertThatCode(() -> PreconditionFailed.check("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> PreconditionFailed.check("W/\"2\", \"3\"", 3)).doesNotThrowAnyException();
    }

    @Test
    void a_stale_etag_is_refused() {
        assertThatThrownBy(() -> PreconditionFailed.check("\"2\"", 3)).isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> PreconditionFailed.check("\"13\"", 3)).isInstanceOf(PreconditionFailed.class);
    }
}
