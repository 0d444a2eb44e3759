package kz.senim.notification.recipient;

import java.util.Locale;
import java.util.Optional;

/** Where and in which language a user is reached; looked up when a mail goes out, never stored. */
public record Recipient(String userId, String email, Optional<Locale> language) {}
