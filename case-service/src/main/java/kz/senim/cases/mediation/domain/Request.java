package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What was submitted: by whom, through which channel, how urgently, between which parties, and the
 * submitter's narrative (confidential). Parties named without an account are identified later; the purge
 * leaves the facts and removes the words.
 *
 * @param preferredLanguage kk, ru or en, or {@code null}
 * @param submittedBy {@code null} for a trust-box case: its sender stays anonymous
 * @param description {@code null} once purged
 */
public record Request(
        UUID id,
        String schoolId,
        Channel channel,
        Urgency urgency,
        String preferredLanguage,
        String submittedBy,
        Instant submittedAt,
        List<Party> parties,
        String description) {

    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (channel != Channel.TRUST_BOX) {
            Objects.requireNonNull(submittedBy, "submittedBy");
        }
        parties = List.copyOf(parties);
    }

    /**
     * A request submitted through the form or in person: a conflict between at least two parties, each listed
     * once, told in the submitter's words.
     */
    static Request submitted(
            String schoolId,
            Channel channel,
            Urgency urgency,
            String preferredLanguage,
            String submittedBy,
            List<Party> parties,
            String description,
            Instant now) {
        if (parties.size() < 2) {
            throw new MediationRefused("conflict-needs-two-parties", "A conflict has at least two parties");
        }
        Set<String> users = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (Party party : parties) {
            if (!ids.add(party.id()) || (party.userId() != null && !users.add(party.userId()))) {
                throw new MediationRefused("party-listed-twice", "Each party is listed once");
            }
        }
        requireDescription(description);
        return new Request(
                UUID.randomUUID(),
                schoolId,
                channel,
                urgency,
                preferredLanguage,
                submittedBy,
                now,
                parties,
                description);
    }

    /**
     * A request opened from a trust-box conversation: no submitter and no parties yet, since the sender stays
     * anonymous; the conversation's text is the description.
     */
    static Request fromTrustBox(String schoolId, Urgency urgency, String description, Instant now) {
        requireDescription(description);
        return new Request(
                UUID.randomUUID(), schoolId, Channel.TRUST_BOX, urgency, null, null, now, List.of(), description);
    }

    private static void requireDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a request describes the conflict");
        }
    }

    Party party(UUID partyId) {
        return parties.stream()
                .filter(p -> p.id().equals(partyId))
                .findFirst()
                .orElseThrow(() -> new MediationRefused("unknown-party", "No such party in this case"));
    }

    boolean hasAdultParty() {
        return parties.stream().anyMatch(Party::adult);
    }

    /** The request with the party named in it identified as this person of the directory. */
    Request identified(UUID partyId, Party person) {
        Party named = party(partyId);
        Party identified = new Party(
                partyId, person.userId(), person.adult(), person.adult() ? null : person.grade(), named.name());
        return withParties(parties.stream()
                .map(p -> p.id().equals(partyId) ? identified : p)
                .toList());
    }

    /** Without its narrative and the names of people without an account, each read as {@code placeholder}. */
    Request purged(String placeholder) {
        Request anonymous = withParties(parties.stream()
                .map(p -> p.name() == null ? p : new Party(p.id(), p.userId(), p.adult(), p.grade(), placeholder))
                .toList());
        return new Request(
                id, schoolId, channel, urgency, preferredLanguage, submittedBy, submittedAt, anonymous.parties, null);
    }

    private Request withParties(List<Party> changed) {
        return new Request(
                id, schoolId, channel, urgency, preferredLanguage, submittedBy, submittedAt, changed, description);
    }
}
