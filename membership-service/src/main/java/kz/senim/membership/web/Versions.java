package kz.senim.membership.web;

/** ETags of mutable resources are their version numbers; a stale {@code If-Match} answers 412. */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when there is no {@code If-Match}, or it is {@code *}, or it names the current version. */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(current))) {
                return;
            }
        }
        throw new PreconditionFailed();
    }
}
