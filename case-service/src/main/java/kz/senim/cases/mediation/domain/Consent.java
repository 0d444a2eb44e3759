package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A party's (or their guardian's) answer to the question whether they take part in mediation.
 *
 * @param guardian true when this is the guardian's consent for the party
 * @param given true for consent, false for a refusal
 * @param recordedBy the user id of whoever recorded it: the party, the guardian, or a coordinator on their behalf
 * @param onBehalf true when a coordinator recorded it for the party (then {@code note} says how it was given)
 * @param note confidential; required when recorded on behalf, otherwise {@code null}
 */
public record Consent(
        UUID partyId, boolean guardian, boolean given, String recordedBy, boolean onBehalf, String note, Instant at) {

    public Consent {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(at, "at");
    }
}
