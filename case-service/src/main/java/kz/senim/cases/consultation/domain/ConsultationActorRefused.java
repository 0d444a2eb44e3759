package kz.senim.cases.consultation.domain;

import kz.senim.platform.problem.CallerRefused;

/**
 * A rule refuses the command because of who gives it (only the asker withdraws; the asker or a
 * coordinator closes; the advisor answers; a coordinator picks the advisor), not because of the
 * consultation's state: answered 403 with the reason, like the same refusals of a case; nothing changed.
 */
public class ConsultationActorRefused extends ConsultationRefused implements CallerRefused {

    public ConsultationActorRefused(String reason, String rule) {
        super(reason, rule);
    }
}
