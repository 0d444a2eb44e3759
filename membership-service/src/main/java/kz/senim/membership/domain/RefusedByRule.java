package kz.senim.membership.domain;

/**
 * A rule of the domain refuses a command (an illegal transition, a full club, a grade that may not
 * apply). {@link #reason()} is a stable code; the HTTP layer answers 409 with it.
 */
public class RefusedByRule extends RuntimeException {

    private final String reason;

    public RefusedByRule(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
