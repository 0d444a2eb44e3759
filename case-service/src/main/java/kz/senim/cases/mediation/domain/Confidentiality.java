package kz.senim.cases.mediation.domain;

import java.util.List;
import java.util.Objects;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * Who sees what of a case (confidentiality, docs/domain.md §3). Coordinators of the school see everything; a
 * mediator sees the case work only while assigned; a party sees the status, the agreement and their own
 * submission; whoever referred the case sees its status; a guardian whose consent the school asks for a party
 * sees what that consent needs; anybody else sees nothing, not even that the case exists.
 */
public record Confidentiality(Request request, Team team, MediationSettings settings) {

    public Visibility visibilityFor(Actor actor) {
        if (actor.coordinator()) {
            return Visibility.COORDINATOR;
        }
        if (team.isAssigned(actor.userId())) {
            return Visibility.MEDIATOR;
        }
        if (request.parties().stream().anyMatch(p -> p.isUser(actor.userId()))) {
            return Visibility.PARTY;
        }
        if (Objects.equals(request.submittedBy(), actor.userId())) {
            return Visibility.STATUS;
        }
        return Visibility.NONE;
    }

    /** As above, and at least {@link Visibility#GUARDIAN} for a guardian of a party whose consent is asked. */
    public Visibility visibilityFor(Actor actor, SchoolDirectory directory) {
        Visibility visibility = visibilityFor(actor);
        if (visibility.atLeast(Visibility.GUARDIAN) || wardsOf(actor, directory).isEmpty()) {
            return visibility;
        }
        return Visibility.GUARDIAN;
    }

    /** The parties whose guardian's consent the school asks for, and whose guardian the actor is. */
    public List<Party> wardsOf(Actor actor, SchoolDirectory directory) {
        return request.parties().stream()
                .filter(p -> p.userId() != null
                        && p.needsGuardianConsent(settings)
                        && directory.isGuardianOf(actor.userId(), p.userId()))
                .toList();
    }

    /** Only the submitter, the team and the coordinators read the narrative of the request. */
    public boolean mayReadDescription(Actor actor) {
        Visibility visibility = visibilityFor(actor);
        return visibility.atLeast(Visibility.MEDIATOR)
                || (visibility == Visibility.PARTY && Objects.equals(request.submittedBy(), actor.userId()));
    }
}
