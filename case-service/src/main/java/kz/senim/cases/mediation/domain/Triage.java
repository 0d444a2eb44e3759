package kz.senim.cases.mediation.domain;

import java.util.Objects;

/**
 * What the coordinator decided about the request and why (the reason is confidential), and whether the case
 * was escalated: then only coordinators handle it. Equality of the parties: peer mediation is only for
 * student–student conflicts without a safeguarding concern; an anonymous trust-box sender is not routed to a
 * consultation of their own.
 *
 * @param decision {@code null} before triage
 * @param reason the triage's or the escalation's reason; {@code null} before triage and once purged
 */
public record Triage(TriageDecision decision, String reason, boolean escalated) {

    public static final Triage PENDING = new Triage(null, null, false);

    /**
     * The coordinator's decision on the request, as the rules allow it.
     *
     * @throws MediationRefused when equality or the channel forbids the decision
     */
    static Triage decide(TriageDecision decision, String reason, boolean safeguardingConcern, Request request) {
        Objects.requireNonNull(decision, "decision");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a triage decision has a reason");
        }
        if (decision == TriageDecision.ROUTE_TO_CONSULTATION && request.channel() == Channel.TRUST_BOX) {
            throw new MediationRefused(
                    "trust-box-case-not-routable",
                    "An anonymous sender is advised in the trust box, not in a consultation of their own");
        }
        if (decision == TriageDecision.ACCEPT_FOR_PEER_MEDIATION && (request.hasAdultParty() || safeguardingConcern)) {
            throw new MediationRefused(
                    "peer-mediation-not-allowed",
                    "A case with an adult party or a safeguarding concern is not mediated by students");
        }
        return new Triage(decision, reason, decision == TriageDecision.ESCALATE);
    }

    /** Whether the case goes on to mediation: accepted (by young mediators or coordinators) or escalated. */
    boolean toMediation() {
        return decision != TriageDecision.ROUTE_TO_CONSULTATION && decision != TriageDecision.DECLINE;
    }

    /** Who mediates a case the triage sent to mediation. */
    MediatedBy whoMediates() {
        return decision == TriageDecision.ACCEPT_FOR_PEER_MEDIATION
                ? MediatedBy.PEER_MEDIATORS
                : MediatedBy.COORDINATORS;
    }

    /** The outcome of a case the triage did not send to mediation. */
    Outcome outcomeWithoutMediation() {
        return decision == TriageDecision.DECLINE ? Outcome.DECLINED : Outcome.ROUTED_TO_CONSULTATION;
    }

    Triage escalated(String why) {
        return new Triage(decision, why, true);
    }

    Triage purged() {
        return new Triage(decision, null, escalated);
    }
}
