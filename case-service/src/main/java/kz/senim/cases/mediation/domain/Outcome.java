package kz.senim.cases.mediation.domain;

/** How a case ended. None of them blames anyone. */
public enum Outcome {
    AGREEMENT_KEPT,
    AGREEMENT_PARTLY_KEPT,
    AGREEMENT_NOT_KEPT,
    NO_AGREEMENT,
    CONSENT_REFUSED,
    WITHDRAWN,
    DECLINED,
    ROUTED_TO_CONSULTATION,
    ESCALATED
}
