package kz.senim.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages: Kazakh, Russian and English (docs/domain.md §5). */
public final class Languages {

    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(KAZAKH, RUSSIAN, ENGLISH);
    /** When nothing says otherwise: the state language. */
    public static final Locale FALLBACK = KAZAKH;

    private Languages() {}

    /** The supported language a tag names ({@code kk}, {@code ru-RU}, {@code EN}), if any. */
    public static Optional<Locale> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The first supported language of an Accept-Language header, by its weights. */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
