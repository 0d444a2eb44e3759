package kz.senim.platform.web;

import kz.senim.platform.problem.PreconditionFailed;
import org.jspecify.annotations.Nullable;

/**
 * ETags of version-numbered resources: the ETag is the version ({@code "3"}); a stale
 * {@code If-Match} throws {@link PreconditionFailed} (412).
 */
public final class Versions {

    private Versions() {}

    /** The ETag of a version, quoted: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when there is no {@code If-Match}, or it is {@code *}, or one of its tags names the current version. */
    public static void check(@Nullable String ifMatch, long current) {
        check(ifMatch, etag(current));
    }

    /**
     * The same for a resource whose ETag is not a version number (a digest, say): passes when there is no
     * {@code If-Match}, or it is {@code *}, or one of its tags is {@code currentEtag} (weak or strong).
     *
     * @param currentEtag the resource's ETag as it is answered, quoted: {@code "a1b2"}
     */
    public static void check(@Nullable String ifMatch, String currentEtag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = unquoted(currentEtag);
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (unquoted(value).equals(current)) {
                return;
            }
        }
        throw new PreconditionFailed();
    }

    private static String unquoted(String tag) {
        return tag.strip().replace("\"", "");
    }
}
