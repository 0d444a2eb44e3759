package kz.senim.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per key, kept as the time at which the bucket will be full again (the generic cell
 * rate algorithm): a call is one compare-and-set, and a key whose bucket is full again holds nothing
 * worth keeping, so {@link #forgetFull} may drop it.
 */
final class TokenBuckets {

    private static final long NO_LIMIT = 0;

    private final long nanosPerToken;
    private final long capacityNanos;
    private final ConcurrentHashMap<Object, AtomicLong> fullAt = new ConcurrentHashMap<>();

    private TokenBuckets(double tokensPerSecond, int burst) {
        this.nanosPerToken =
                tokensPerSecond <= 0 ? NO_LIMIT : Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / tokensPerSecond));
        this.capacityNanos = nanosPerToken * Math.max(1, burst);
    }

    static TokenBuckets perSecond(double rate, int burst) {
        return new TokenBuckets(rate, burst);
    }

    static TokenBuckets perMinute(double rate, int burst) {
        return new TokenBuckets(rate / 60, burst);
    }

    boolean limits() {
        return nanosPerToken != NO_LIMIT;
    }

    /** Takes a token for {@code key}: 0 when the call may pass, else the nanoseconds until one is there. */
    long take(Object key, long now) {
        if (!limits()) {
            return 0;
        }
        AtomicLong cell = fullAt.get(key);
        if (cell == null) {
            cell = fullAt.computeIfAbsent(key, k -> new AtomicLong(now));
        }
        while (true) {
            long full = cell.get();
            long next = Math.max(full, now) + nanosPerToken;
            long wait = next - now - capacityNanos;
            if (wait > 0) {
                return wait;
            }
            if (cell.compareAndSet(full, next)) {
                return 0;
            }
        }
    }

    /** Drops the keys whose bucket is full again: to them it is as if they had never called. */
    void forgetFull(long now) {
        fullAt.values().removeIf(cell -> cell.get() - now <= 0);
    }

    int size() {
        return fullAt.size();
    }
}
