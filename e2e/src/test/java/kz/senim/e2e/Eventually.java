package kz.senim.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Bounded waits for what the platform does asynchronously (events between services, e-mail, the
 * mediator role in Keycloak): polled every 250 ms, failing after {@link #LIMIT}.
 */
final class Eventually {

    static final Duration LIMIT = Duration.ofSeconds(60);

    private Eventually() {}

    /** The first value {@code probe} answers that {@code done} accepts, within the limit. */
    static <T> T until(String what, Callable<T> probe, Predicate<? super T> done) {
        return Awaitility.await(what)
                .atMost(LIMIT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(probe, done::test);
    }

    /** Waits until {@code assertion} passes, within the limit. */
    static void untilAsserted(String what, Runnable assertion) {
        Awaitility.await(what)
                .atMost(LIMIT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(assertion::run);
    }
}
