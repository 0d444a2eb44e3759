package kz.senim.membership.applications.domain;

import java.time.Instant;

/** The interview of an applicant: when, where, and which coordinator interviews (a user id). */
public record Interview(Instant at, String place, String interviewerId) {}
