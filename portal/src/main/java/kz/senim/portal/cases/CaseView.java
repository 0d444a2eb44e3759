package kz.senim.portal.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case as the API shows it to the viewer ({@code GET /api/cases/{id}}, case-service's {@code CaseView}),
 * read into records once, so the case page reads named fields instead of maps. What the API leaves out for this
 * viewer is null, not empty: {@code parties == null} means "not yours to see", an empty list means "none". Times
 * stay the API's ISO text, which the page formats in the school's time zone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseView(
        String id,
        String status,
        String urgency,
        String submittedAt,
        String outcome,
        String closedAt,
        String description,
        Triage triage,
        List<Party> parties,
        List<Mediator> mediators,
        List<Session> sessions,
        Agreement agreement,
        String followUpDate,
        String followUpResult,
        Boolean legalHold,
        String purgedAt,
        String mediatedBy,
        List<GuardianConsent> guardianConsents) {

    private static final List<String> CLOSED = List.of("CLOSED", "WITHDRAWN");

    /** Shown to the team and coordinators; {@code reason} to coordinators only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Triage(String decision, String mediatedBy, boolean escalated, String reason) {}

    /**
     * @param userId null for a person named in the request and not linked to an account yet
     * @param name shown to the team and coordinators only
     * @param you the viewer is this party
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String id, String userId, boolean adult, Integer grade, String name, boolean you) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mediator(String userId, String kind) {}

    /** @param notes shown to the team and coordinators only */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(
            String id,
            String kind,
            String startsAt,
            String place,
            List<String> participants,
            boolean cancelled,
            String notes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agreement(List<Commitment> commitments, List<String> signedBy, boolean inForce) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String partyId, String text) {}

    /** A guardian's own answer for their child's party; {@code given} null while it is awaited. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GuardianConsent(String partyId, Boolean given) {}

    /** A club member a coordinator may assign ({@code GET /api/cases/{id}/mediator-candidates}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(String userId, int openCases, boolean eligible, String reason) {}

    /** The parties the viewer sees: none when the API showed none. */
    List<Party> partiesSeen() {
        return parties == null ? List.of() : parties;
    }

    List<Mediator> mediatorsSeen() {
        return mediators == null ? List.of() : mediators;
    }

    List<Session> sessionsSeen() {
        return sessions == null ? List.of() : sessions;
    }

    List<GuardianConsent> guardianConsentsSeen() {
        return guardianConsents == null ? List.of() : guardianConsents;
    }

    /** The viewer's own party, if they are one. */
    Optional<Party> viewersParty() {
        return partiesSeen().stream().filter(Party::you).findFirst();
    }

    boolean isMediatedBy(String userId) {
        return mediatorsSeen().stream().anyMatch(m -> m.userId().equals(userId));
    }

    boolean hasUnidentifiedParty() {
        return partiesSeen().stream().anyMatch(p -> p.userId() == null);
    }

    public boolean isOpen() {
        return !CLOSED.contains(status);
    }

    /** Each party's commitment in the agreement, by party id; empty without an agreement. */
    Map<String, String> commitmentsByParty() {
        Map<String, String> byParty = new HashMap<>();
        if (agreement != null && agreement.commitments() != null) {
            agreement.commitments().forEach(c -> byParty.put(c.partyId(), c.text()));
        }
        return byParty;
    }

    /** The ids of the parties who signed the agreement. */
    List<String> signedBy() {
        return agreement == null || agreement.signedBy() == null ? List.of() : agreement.signedBy();
    }
}
