package kz.senim.cases.mediation.domain;

public enum Urgency {
    LOW,
    NORMAL,
    HIGH
}
