package kz.senim.cases.mediation.domain;

import kz.senim.cases.school.domain.Actor;
import kz.senim.platform.problem.StateConflict;

/**
 * A rule of mediation refuses the command. The reason is a stable code (answered as 409 with
 * {@code reason}); the message names the rule and never any content of the case.
 */
public class MediationRefused extends StateConflict {

    public MediationRefused(String reason, String rule) {
        super(reason, rule);
    }

    /**
     * Someone who may never do this for another is refused as such (403); a coordinator, who may act on
     * a party's behalf, is refused only for what the command lacks (the party, the note): 409.
     */
    static MediationRefused ofActor(Actor actor, String reason, String rule) {
        return actor.coordinator() ? new MediationRefused(reason, rule) : new ActorRefused(reason, rule);
    }
}
