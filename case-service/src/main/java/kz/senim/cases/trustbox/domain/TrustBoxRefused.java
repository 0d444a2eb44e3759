package kz.senim.cases.trustbox.domain;

import kz.senim.platform.problem.StateConflict;

/** A rule of the trust box refuses the command: 409 with a stable reason, never any content. */
public class TrustBoxRefused extends StateConflict {

    public TrustBoxRefused(String reason, String rule) {
        super(reason, rule);
    }
}
