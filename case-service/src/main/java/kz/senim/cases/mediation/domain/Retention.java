package kz.senim.cases.mediation.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a closed case keeps its confidential text: until the school's retention period after closure has
 * passed, unless a coordinator placed a legal hold (for a legal proceeding). A purged case cannot be held.
 *
 * @param purgedAt {@code null} until the text is purged
 */
public record Retention(boolean legalHold, Instant purgedAt) {

    public static final Retention KEPT = new Retention(false, null);

    Retention held() {
        if (purgedAt != null) {
            throw new MediationRefused("case-already-purged", "The case's text was already purged");
        }
        return new Retention(true, null);
    }

    Retention released() {
        return new Retention(false, purgedAt);
    }

    /** True when the period after {@code closedAt} has passed, nothing was purged yet and no hold stops it. */
    boolean isDue(Instant closedAt, Duration retention, Instant now) {
        return closedAt != null
                && purgedAt == null
                && !legalHold
                && !closedAt.plus(retention).isAfter(now);
    }

    Retention purged(Instant now) {
        return new Retention(legalHold, now);
    }
}
