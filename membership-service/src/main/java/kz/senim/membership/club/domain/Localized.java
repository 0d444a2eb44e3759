package kz.senim.membership.club.domain;

/** A text in the three languages of the platform. */
public record Localized(String kk, String ru, String en) {

    /** The text in {@code language} (kk, ru or en), falling back to the others when it is empty. */
    public String in(String language) {
        String wanted = switch (language) {
            case "kk" -> kk;
            case "ru" -> ru;
            default -> en;
        };
        if (wanted != null && !wanted.isBlank()) {
            return wanted;
        }
        for (String other : new String[] {en, ru, kk}) {
            if (other != null && !other.isBlank()) {
                return other;
            }
        }
        return null;
    }
}
