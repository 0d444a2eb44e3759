package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parties' agreement: mutual commitments, each owned by a party, and the parties' signatures.
 * It is in force only when every party has signed.
 *
 * @param signatures the party id of each signatory and when they signed
 */
public record Agreement(List<Commitment> commitments, Map<UUID, Instant> signatures) {

    public Agreement {
        commitments = List.copyOf(commitments);
        signatures = Map.copyOf(signatures);
    }

    public boolean isSignedBy(UUID partyId) {
        return signatures.containsKey(partyId);
    }
}
