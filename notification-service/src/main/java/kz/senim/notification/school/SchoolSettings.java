package kz.senim.notification.school;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A school as notifications need it: when and in which language to speak to its people. */
public record SchoolSettings(String id, ZoneId timeZone, Locale defaultLanguage, Instant registeredAt) {}
