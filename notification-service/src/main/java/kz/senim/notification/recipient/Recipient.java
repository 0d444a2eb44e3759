package kz.senim.notification.recipient;

import java.util.Locale;
import java.util.Optional;

/**
 * Where and in which language a user is reached; looked up when a mail goes out, never stored.
 *
 * @param language the language of the user's profile, if any, whether or not Senim writes in it (delivery chooses)
 */
public record Recipient(String userId, String email, Optional<Locale> language) {}
