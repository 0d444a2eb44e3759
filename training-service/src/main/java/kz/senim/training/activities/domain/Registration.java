package kz.senim.training.activities.domain;

import java.time.Instant;

/** One person's place at an activity, or on its waitlist. */
public record Registration(String userId, RegistrationStatus status, Instant registeredAt) {}
