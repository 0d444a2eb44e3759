package kz.senim.training.activities.domain;

public enum ActivityStatus {
    SCHEDULED,
    COMPLETED,
    CANCELLED
}
