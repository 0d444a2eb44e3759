package kz.senim.cases.directory;

/**
 * In-process: membership-service said ({@code person-removed}) that a person left the school's directory. Published
 * inside the transaction that records the event once, so what follows from it (case rules) happens exactly once.
 */
public record PersonLeftTheSchool(String schoolId, String userId) {}
