package kz.senim.membership.accounts.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The username scheme of accounts Senim creates: {@code <given name>.<family name>}, written in plain
 * Latin letters (Kazakh and Russian Cyrillic transliterated), lower case, at most
 * {@value #MAX_BASE_LENGTH} letters before the number; when the name is taken in the realm, the next
 * candidate has {@code 2}, then {@code 3}… appended ({@code aigerim.nurtasova2}). Readable aloud to a
 * pupil, typed on any keyboard; the realm is shared by every school, so the number makes it unique.
 */
public final class Usernames {

    static final int MAX_BASE_LENGTH = 40;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('ә', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('ғ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "yo"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "i"),
            Map.entry('к', "k"),
            Map.entry('қ', "q"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('ң', "n"),
            Map.entry('о', "o"),
            Map.entry('ө', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ұ', "u"),
            Map.entry('ү', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('һ', "h"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('і', "i"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    private Usernames() {}

    /** The first candidate for a person: {@code given.family}; {@code user} when no letter is left. */
    public static String base(String givenName, String familyName) {
        String given = latin(givenName);
        String family = latin(familyName);
        String joined = given.isEmpty() || family.isEmpty() ? given + family : given + "." + family;
        if (joined.isEmpty()) {
            joined = "user";
        }
        if (joined.length() > MAX_BASE_LENGTH) {
            joined = joined.substring(0, MAX_BASE_LENGTH).replaceAll("[.]+$", "");
        }
        return joined;
    }

    /** The {@code attempt}-th candidate (1 is the base itself, 2 is {@code base2}…). */
    public static String candidate(String base, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
        return attempt == 1 ? base : base + attempt;
    }

    /** Lower-case ASCII letters only: Cyrillic transliterated, Latin accents dropped, the rest left out. */
    static String latin(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.get(c);
            if (mapped != null) {
                out.append(mapped);
            } else {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                for (char p : plain.toCharArray()) {
                    if (p >= 'a' && p <= 'z') {
                        out.append(p);
                    }
                }
            }
        }
        return out.toString();
    }
}
