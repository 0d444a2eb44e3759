package kz.senim.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed e-mail again: exponential back-off from {@code first}, doubling, capped at
 * {@code longest}, for as long as {@code giveUpAfter} from the notification's creation.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off must start above zero and not exceed its cap");
        }
    }

    /**
     * The next attempt after the given failed attempt (1 for the first), or empty when the
     * delivery must be given up.
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant createdAt, Instant now) {
        Duration delay = delayAfter(failedAttempts);
        Instant next = now.plus(delay);
        Instant deadline = createdAt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        Duration delay = first;
        for (int i = 0; i < doublings && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
