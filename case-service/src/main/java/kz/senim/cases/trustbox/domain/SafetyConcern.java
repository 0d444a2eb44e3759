package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A coordinator's flag that the sender of a trust-box conversation may be unsafe; no text. */
public record SafetyConcern(UUID id, String coordinatorId, Instant flaggedAt) {

    public SafetyConcern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(coordinatorId, "coordinatorId");
        Objects.requireNonNull(flaggedAt, "flaggedAt");
    }
}
