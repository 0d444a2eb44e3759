package kz.senim.cases.mediation.domain;

import java.util.List;

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

    /** Refuses a command on a closed case. */
    void requireOpen() {
        if (!isOpen()) {
            throw new MediationRefused("case-not-open", "The case is already closed");
        }
    }

    /** Refuses a command of another step of the lifecycle with {@code reason} (a closed case as closed). */
    void require(String reason, MediationStatus... allowed) {
        requireOpen();
        if (!List.of(allowed).contains(this)) {
            throw new MediationRefused(reason, "Not possible while the case is " + this);
        }
    }
}
