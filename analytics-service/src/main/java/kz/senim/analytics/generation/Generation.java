package kz.senim.analytics.generation;

import java.time.Instant;

/** One generation of the store: {@code BUILDING}, {@code LIVE} (the one reports read) or {@code RETIRED}. */
public record Generation(int id, String status, Instant requestedAt, Instant liveSince, Instant retiredAt) {}
