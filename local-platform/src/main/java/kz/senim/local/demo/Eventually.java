package kz.senim.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import kz.senim.local.api.ApiResponse;

/**
 * Waits, within a bound, for another service to learn what it hears through events: the call is
 * repeated while it answers a refusal that only means "not yet" (e.g. {@code party-not-in-directory}
 * until case-service has the people of the directory).
 */
final class Eventually {

    /** Ends as soon as the answer comes; long enough for a platform at low priority on two busy cores. */
    static final Duration BOUND = Duration.ofMinutes(3);

    private static final Duration PAUSE = Duration.ofMillis(200);

    private Eventually() {}

    /** The first answer that is not a 409 with one of {@code notYet} as its {@code reason}. */
    static ApiResponse answer(Supplier<ApiResponse> call, String... notYet) {
        Set<String> waitingReasons = Set.of(notYet);
        return until(call, response -> response.status() != 409 || !waitingReasons.contains(response.text("/reason")));
    }

    /** The first answer that passes {@code done}; the last one when the bound is reached. */
    static ApiResponse until(Supplier<ApiResponse> call, Predicate<ApiResponse> done) {
        Instant deadline = Instant.now().plus(BOUND);
        while (true) {
            ApiResponse response = call.get();
            if (done.test(response) || Instant.now().isAfter(deadline)) {
                return response;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + response.path(), e);
            }
        }
    }
}
