package kz.senim.membership.web;

/** The caller's {@code If-Match} names a version that is no longer current: 412. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed() {
        super("The resource has changed since it was read");
    }
}
