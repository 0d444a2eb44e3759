package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parties' agreement (cooperation, ownership): mutual commitments, each owned by a party and every party
 * owning at least one, and the parties' signatures. It is in force only when every party has signed; a party
 * signs for themselves, once.
 *
 * @param signatures the party id of each signatory and when they signed
 */
public record Agreement(List<Commitment> commitments, Map<UUID, Instant> signatures) {

    public Agreement {
        commitments = List.copyOf(commitments);
        signatures = Map.copyOf(signatures);
    }

    /**
     * The terms the team writes down, not signed yet.
     *
     * @throws MediationRefused when a commitment is no party's, a party commits to nothing, or a party could not
     *     sign in the app
     */
    static Agreement write(List<Commitment> commitments, List<Party> parties) {
        for (Commitment commitment : commitments) {
            if (parties.stream().noneMatch(p -> p.id().equals(commitment.partyId()))) {
                throw new MediationRefused("unknown-party", "No such party in this case");
            }
        }
        for (Party party : parties) {
            if (commitments.stream().noneMatch(c -> c.partyId().equals(party.id()))) {
                throw new MediationRefused("agreement-not-mutual", "An agreement holds commitments of every party");
            }
            if (party.userId() == null) {
                throw new MediationRefused(
                        "party-cannot-sign", "Every party signs in the app; a party without an account cannot");
            }
        }
        return new Agreement(commitments, Map.of());
    }

    public boolean isSignedBy(UUID partyId) {
        return signatures.containsKey(partyId);
    }

    /** The agreement with the party's signature. */
    Agreement signedBy(UUID partyId, Instant at) {
        if (isSignedBy(partyId)) {
            throw new MediationRefused("agreement-already-signed", "The party has already signed");
        }
        Map<UUID, Instant> more = new HashMap<>(signatures);
        more.put(partyId, at);
        return new Agreement(commitments, more);
    }

    /** In force only when every party has signed. */
    public boolean isInForceFor(List<Party> parties) {
        return parties.stream().allMatch(p -> isSignedBy(p.id()));
    }

    /** The terms without their words, as the purge leaves them: how many, whose, and the signatures. */
    Agreement purged(String placeholder) {
        return new Agreement(
                commitments.stream()
                        .map(c -> new Commitment(c.partyId(), placeholder))
                        .toList(),
                signatures);
    }
}
