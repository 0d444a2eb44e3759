package kz.senim.cases.mediation.domain;

import kz.senim.cases.school.domain.Actor;
import kz.senim.platform.problem.CallerRefused;

/**
 * A rule of mediation refuses the command because of who gives it (a party consents, signs and
 * withdraws for themselves only; the case work is the team's), not because of the case's state:
 * answered as 403 with {@code reason} ({@link CallerRefused}).
 */
public class ActorRefused extends MediationRefused implements CallerRefused {

    public ActorRefused(String reason, String rule) {
        super(reason, rule);
    }

    /** Refuses anyone but a coordinator of the school. */
    static void unlessCoordinator(Actor actor) {
        if (!actor.coordinator()) {
            throw new ActorRefused("coordinators-only", "Only a coordinator of the school does this");
        }
    }
}
