package kz.senim.training.activities.domain;

public enum RegistrationStatus {
    REGISTERED,
    WAITLISTED,
    CANCELLED
}
