package kz.senim.cases.mediation.domain;

public enum SessionKind {
    /** With one party. */
    INDIVIDUAL,
    /** With the parties together. */
    JOINT
}
