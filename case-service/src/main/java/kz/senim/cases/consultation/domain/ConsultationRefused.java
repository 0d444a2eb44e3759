package kz.senim.cases.consultation.domain;

import kz.senim.platform.problem.StateConflict;

/** A rule refuses the command (409 with the reason); nothing changed. */
public class ConsultationRefused extends StateConflict {

    public ConsultationRefused(String reason, String rule) {
        super(reason, rule);
    }
}
