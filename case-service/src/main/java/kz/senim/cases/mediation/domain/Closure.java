package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when the case ended.
 *
 * @param outcome {@code null} while the case is open
 * @param closedAt {@code null} while the case is open
 */
public record Closure(Outcome outcome, Instant closedAt) {

    public static final Closure OPEN = new Closure(null, null);

    static Closure as(Outcome outcome, Instant now) {
        return new Closure(Objects.requireNonNull(outcome), Objects.requireNonNull(now));
    }
}
