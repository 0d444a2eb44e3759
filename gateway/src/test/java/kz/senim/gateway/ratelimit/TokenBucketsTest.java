package kz.senim.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aCallerMaySpendItsBurstAtOnceAndThenWaitsForTheRate() {
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
    void callersAreCountedApart() {
        TokenBuckets buckets = TokenBuckets.perMinute(30, 1);
        assertThat(buckets.take("one", 0)).isZero();
        assertThat(buckets.take("one", 0)).isEqualTo(2 * SECOND);
        assertThat(buckets.take("other", 0)).isZero();
    }

    @Test
    void aRateOfZeroLimitsNothing() {
        TokenBuckets buckets = TokenBuckets.perSecond(0, 1);
        for (int call = 0; call < 1_000; call++) {
            assertThat(buckets.take("benchmark", 0)).isZero();
        }
        assertThat(buckets.size()).isZero();
    }

    @Test
    void callersWhoseBucketIsFullAgainAreForgotten() {
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
