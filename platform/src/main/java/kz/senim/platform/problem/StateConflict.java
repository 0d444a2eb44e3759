package kz.senim.platform.problem;

/**
 * An illegal state transition or a rule of the domain that refuses the command; answers 409
 * with {@link #reason()} as a stable, machine-readable code and a message key for the text.
 */
public class StateConflict extends RuntimeException {

    private final String reason;

    public StateConflict(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable code such as {@code school-already-exists}; also the message key {@code conflict.<reason>}. */
    public String reason() {
        return reason;
    }
}
