package kz.senim.platform.problem;

/**
 * The caller's {@code If-Match} names a version of the resource that is no longer current: answers
 * 412 (message keys {@code problem.precondition-failed.*}). See {@link kz.senim.platform.web.Versions}.
 */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed() {
        super("The resource has changed since it was read");
    }
}
