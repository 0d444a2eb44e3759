package kz.senim.cases.mediation.domain;

import java.util.Objects;
import java.util.UUID;

/** What one party commits to do from now on, in the parties' own words (confidential). */
public record Commitment(UUID partyId, String text) {

    public Commitment {
        Objects.requireNonNull(partyId, "partyId");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a commitment says what the party will do");
        }
    }
}
