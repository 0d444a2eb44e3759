package kz.senim.cases.consultation.domain;

/** {@code SUBMITTED → ADVISOR_ASSIGNED → ANSWERED → CLOSED}, {@code WITHDRAWN} by the asker before closure. */
public enum ConsultationStatus {
    SUBMITTED,
    ADVISOR_ASSIGNED,
    ANSWERED,
    CLOSED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }
}
