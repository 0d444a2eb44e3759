package kz.senim.cases.trustbox.domain;

public enum Author {
    /** The anonymous sender. */
    SENDER,
    /** A coordinator of the school. */
    COORDINATOR
}
