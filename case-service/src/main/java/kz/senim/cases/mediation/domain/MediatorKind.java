package kz.senim.cases.mediation.domain;

public enum MediatorKind {
    /** A certified young mediator (a student member of the club). */
    PEER,
    /** A coordinator of the school. */
    COORDINATOR
}
