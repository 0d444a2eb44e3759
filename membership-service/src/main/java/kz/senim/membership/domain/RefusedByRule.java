package kz.senim.membership.domain;

import kz.senim.platform.problem.StateConflict;

/**
 * A rule of the domain refuses a command (an illegal transition, a full club, a grade that may not
 * apply). {@link #reason()} is a stable code; it is the platform's {@link StateConflict}, so 409 with it.
 */
public class RefusedByRule extends StateConflict {

    public RefusedByRule(String reason, String message) {
        super(reason, message);
    }
}
