package kz.senim.training.web;

/** A stale {@code If-Match}: someone changed the resource since the caller read it (412). */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed() {
        super("The resource has changed since it was read");
    }

    /** Checks an {@code If-Match} header (absent, {@code *}, or an ETag such as {@code "3"}) against a version. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(Long.toString(version))) {
                return;
            }
        }
        throw new PreconditionFailed();
    }
}
