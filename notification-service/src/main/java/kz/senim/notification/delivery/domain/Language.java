package kz.senim.notification.delivery.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language of a message: the recipient's own, else the school's default, else Kazakh, the
 * state language every school in the district works in.
 */
public final class Language {

    private static final Set<String> SPOKEN = Set.of("kk", "ru", "en");
    public static final Locale FALLBACK = Locale.of("kk");

    private Language() {}

    @SafeVarargs
    public static Locale choose(Optional<Locale>... preferences) {
        for (Optional<Locale> preference : preferences) {
            if (preference.isPresent() && SPOKEN.contains(preference.get().getLanguage())) {
                return Locale.of(preference.get().getLanguage());
            }
        }
        return FALLBACK;
    }

    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SPOKEN.contains(language) ? Optional.of(Locale.of(language)) : Optional.empty();
    }
}
