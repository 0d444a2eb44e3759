package kz.senim.cases.web;

/** The version an {@code If-Match} header names, for resources whose ETag is their quoted version. */
public final class IfMatch {

    private IfMatch() {}

    /** Null when the header is absent or {@code *}; an unreadable one (-1) can never match. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
