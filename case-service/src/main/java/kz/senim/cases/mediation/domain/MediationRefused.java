package kz.senim.cases.mediation.domain;

import kz.senim.platform.problem.StateConflict;

/**
 * A rule of mediation refuses the command. The reason is a stable code (answered as 409 with
 * {@code reason}); the message names the rule and never any content of the case.
 */
public class MediationRefused extends StateConflict {

    public MediationRefused(String reason, String rule) {
        super(reason, rule);
    }
}
