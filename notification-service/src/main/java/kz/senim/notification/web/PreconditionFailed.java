package kz.senim.notification.web;

/** The caller's {@code If-Match} names a version that is no longer current: 412. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed() {
        super("If-Match is stale");
    }
}
