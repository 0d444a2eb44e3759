package kz.senim.cases.mediation.domain;

/** Who may mediate a case, decided at triage (equality of the parties). */
public enum MediatedBy {
    /** Certified young mediators of the club. */
    PEER_MEDIATORS,
    /** The school's coordinators (pedagogue-psychologists) only. */
    COORDINATORS
}
