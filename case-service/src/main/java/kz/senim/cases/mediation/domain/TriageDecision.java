package kz.senim.cases.mediation.domain;

/** What a coordinator decides about a submitted mediation request, always with a recorded reason. */
public enum TriageDecision {
    /** Mediated by certified young mediators: student–student conflicts without a power imbalance only. */
    ACCEPT_FOR_PEER_MEDIATION,
    /** Mediated by coordinators: any conflict with an adult party. */
    ACCEPT_FOR_COORDINATOR_MEDIATION,
    /** Not a mediation: the asker gets a consultation instead, and this case closes. */
    ROUTE_TO_CONSULTATION,
    /** Bullying with a power imbalance, violence, abuse or a threat to life or health: coordinators only. */
    ESCALATE,
    DECLINE
}
