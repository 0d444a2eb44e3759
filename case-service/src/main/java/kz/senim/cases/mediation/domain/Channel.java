package kz.senim.cases.mediation.domain;

/** How a request reached the service. */
public enum Channel {
    /** The online form, filled in by a student, teacher or parent. */
    ONLINE_FORM,
    /** Entered by a coordinator after a personal visit. */
    IN_PERSON,
    /** Opened by a coordinator from an anonymous trust-box conversation, with the sender's agreement. */
    TRUST_BOX
}
