package kz.senim.cases.consultation.domain;

public enum ConsultationKind {
    /** Advice about a situation. */
    CONSULTATION,
    /** A question to the club or a leader. */
    QUESTION
}
