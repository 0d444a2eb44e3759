package kz.senim.platform.problem;

import java.time.Duration;

/**
 * The caller has to wait before asking again: answers 429 {@code too-many-requests} with {@code Retry-After}
 * (whole seconds, at least 1) and the text {@code problem.<key>.*}. Plain Java, so domain code throws it.
 */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;
    private final String key;

    /** @param key the message key of the title and detail, e.g. {@code too-many-receipt-guesses} */
    public TooManyRequests(Duration retryAfter, String key) {
        super("Too many requests; retry after " + retryAfter);
        this.retryAfter = retryAfter;
        this.key = key;
    }

    public TooManyRequests(Duration retryAfter) {
        this(retryAfter, "too-many-requests");
    }

    /** Whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public String key() {
        return key;
    }
}
