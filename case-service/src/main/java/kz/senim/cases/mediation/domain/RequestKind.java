package kz.senim.cases.mediation.domain;

/** What a request asks the mediation service for (docs/domain.md §4). */
public enum RequestKind {
    /** A conflict to be mediated. */
    MEDIATION,
    /** Advice. */
    CONSULTATION,
    /** A question to the club or a leader. */
    QUESTION
}
