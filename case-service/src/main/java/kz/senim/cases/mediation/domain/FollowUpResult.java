package kz.senim.cases.mediation.domain;

/** Whether the parties kept their agreement, as the follow-up found. */
public enum FollowUpResult {
    KEPT,
    PARTLY_KEPT,
    NOT_KEPT;

    Outcome outcome() {
        return switch (this) {
            case KEPT -> Outcome.AGREEMENT_KEPT;
            case PARTLY_KEPT -> Outcome.AGREEMENT_PARTLY_KEPT;
            case NOT_KEPT -> Outcome.AGREEMENT_NOT_KEPT;
        };
    }
}
