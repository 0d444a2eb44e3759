package kz.senim.cases.mediation.domain;

/** The mediation lifecycle of docs/domain.md §4; {@code WITHDRAWN} is reachable from every open state. */
public enum MediationStatus {
    SUBMITTED,
    TRIAGED,
    MEDIATORS_ASSIGNED,
    AWAITING_CONSENT,
    IN_MEDIATION,
    AGREEMENT_REACHED,
    NO_AGREEMENT,
    FOLLOW_UP,
    CLOSED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }
}
