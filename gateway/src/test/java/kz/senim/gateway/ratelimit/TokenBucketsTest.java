package kz.senim.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void a_caller_may_spend_its_burst_at_once_and_then_waits_for_the_rate() {
        TokenBuckets buckets = TokenBuckets.perSecond(2, 5);
        long now = 1_000 * SECOND;
        for (int call = 0; call < 5; call++) {
            assertThat(buckets.take("pupil", now)).isZero();
        }
        assertThat(buckets.take("pupil", now)).isEqualTo(SECOND / 2);
        assertThat(buckets.take("pupil", now + SECOND / 2)).isZero();
        assertThat(buckets.take("pupil", now + SECOND / 2)).isPositive();
    }

    @Test
    void callers_are_counted_apart() {
        TokenBuckets buckets = TokenBuckets.perMinute(30, 1);
        assertThat(buckets.take("one", 0)).isZero();
        assertThat(buckets.take("one", 0)).isEqualTo(2 * SECOND);
        assertThat(buckets.take("other", 0)).isZero();
    }

    @Test
    void a_rate_of_zero_limits_nothing() {
        TokenBuckets buckets = TokenBuckets.perSecond(0, 1);
        for (int call = 0; call < 1_000; call++) {
            assertThat(buckets.take("benchmark", 0)).isZero();
        }
        assertThat(buckets.size()).isZero();
    }

    @Test
    void callers_whose_bucket_is_full_again_are_forgotten() {
        TokenBuckets buckets = TokenBuckets.perSecond(1, 10);
        buckets.take("quiet", 0);
        for (int call = 0; call < 10; call++) {
            buckets.take("busy", 0);
        }
        buckets.forgetFull(2 * SECOND);
        assertThat(buckets.size()).isEqualTo(1);
        buckets.forgetFull(10 * SECOND);
        assertThat(buckets.size()).isZero();
    }
}
