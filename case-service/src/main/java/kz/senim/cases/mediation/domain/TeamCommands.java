package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.AWAITING_CONSENT;
import static kz.senim.cases.mediation.domain.MediationStatus.IN_MEDIATION;
import static kz.senim.cases.mediation.domain.MediationStatus.MEDIATORS_ASSIGNED;
import static kz.senim.cases.mediation.domain.MediationStatus.SUBMITTED;
import static kz.senim.cases.mediation.domain.MediationStatus.TRIAGED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * The team's commands on one case (neutrality): who joins, who leaves, who never comes back, and a party
 * identified with the team kept neutral toward them. They change the parts of the {@link Mediation} they are
 * given, on its one boundary; callers reach them through the case.
 */
final class TeamCommands {

    private static final Set<MediationStatus> WITH_A_TEAM =
            EnumSet.of(TRIAGED, MEDIATORS_ASSIGNED, AWAITING_CONSENT, IN_MEDIATION);

    private final Mediation mediation;

    TeamCommands(Mediation mediation) {
        this.mediation = mediation;
    }

    /** A coordinator assigns a mediator; neutrality refuses anyone who could take a side. */
    List<MediationEvent> assign(
            Actor coordinator, MediatorCandidate candidate, SchoolDirectory directory, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        if (mediation.status == SUBMITTED) {
            throw new MediationRefused("case-not-triaged", "A case is triaged before mediators are assigned");
        }
        mediation.status.require("mediator-team-complete", TRIAGED);
        refuseIf(whyNotEligible(candidate, directory));
        Mediator mediator = new Mediator(candidate.userId(), candidate.kind());
        mediation.team = mediation.team.with(mediator);
        if (mediation.team.isComplete(mediation.settings)) {
            mediation.status = MEDIATORS_ASSIGNED;
        }
        return List.of(mediation.raised(now).assigned(mediator, mediation.status));
    }

    /** Why the candidate may not mediate this case, or empty when they may: see {@link Neutrality}. */
    Optional<MediationRefused> whyNotEligible(MediatorCandidate candidate, SchoolDirectory directory) {
        return new Neutrality(mediation.request.parties(), directory).whyNotEligible(mediation.team, candidate);
    }

    /**
     * A coordinator links a party named in the request to the person of the directory they are (user id, adult,
     * grade), so that they consent, sign and withdraw themselves; the team stays neutral toward them, and equality
     * is re-applied.
     */
    List<MediationEvent> identifyParty(
            Actor coordinator, UUID partyId, Party person, SchoolDirectory directory, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        mediation.status.requireOpen();
        if (mediation.request.party(partyId).userId() != null) {
            throw new MediationRefused("party-already-identified", "The party is already a person of the directory");
        }
        refuseIf(new Neutrality(mediation.request.parties(), directory).whyNotAParty(mediation.team, person.userId()));
        mediation.request = mediation.request.identified(partyId, person);
        return keepPeerMediationBetweenStudents(now);
    }

    /**
     * Equality, re-applied when a party turns out to be an adult: a case for young mediators moves to the
     * coordinators as an escalation would, its young mediators leave at once; never refused, never in between.
     */
    private List<MediationEvent> keepPeerMediationBetweenStudents(Instant now) {
        if (mediation.team.mediatedBy() != MediatedBy.PEER_MEDIATORS || !mediation.request.hasAdultParty()) {
            return List.of();
        }
        mediation.team = mediation.team.mediatedBy(MediatedBy.COORDINATORS);
        List<MediationEvent> events = peersLeave(now);
        Team team = mediation.team;
        if (mediation.status == TRIAGED && !team.isEmpty() && team.isComplete(mediation.settings)) {
            // A coordinator already on the team now suffices: one coordinator mediates alone.
            mediation.status = MEDIATORS_ASSIGNED;
        }
        return events;
    }

    /** The young mediators on the team leave it, as if a coordinator unassigned them. */
    List<MediationEvent> peersLeave(Instant now) {
        List<MediationEvent> events = new ArrayList<>();
        for (Mediator peer : mediation.team.peers()) {
            events.addAll(unassign(peer.userId(), UnassignmentReason.BY_COORDINATOR, now));
        }
        return events;
    }

    /** A mediator (assigned or proposed) declares a conflict of interest: they never mediate this case. */
    List<MediationEvent> declareConflictOfInterest(Actor mediator, Instant now) {
        mediation.status.requireOpen();
        mediation.team = mediation.team.conflictDeclaredBy(mediator.userId());
        if (mediation.team.isAssigned(mediator.userId())) {
            return unassign(mediator.userId(), UnassignmentReason.CONFLICT_OF_INTEREST, now);
        }
        return List.of();
    }

    /** A party objects to a mediator, which takes the mediator off the case for good. */
    List<MediationEvent> object(Actor party, String mediatorId, Instant now) {
        mediation.status.requireOpen();
        mediation.partyOf(party).orElseThrow(() -> new ActorRefused("only-a-party-objects", "Only a party objects"));
        mediation.team.requireAssigned(mediatorId);
        mediation.team = mediation.team.objectedTo(mediatorId);
        return unassign(mediatorId, UnassignmentReason.OBJECTION, now);
    }

    /** A mediator who left the school leaves its open cases at once, as if a coordinator unassigned them. */
    List<MediationEvent> mediatorLeftTheSchool(String mediatorId, Instant now) {
        if (!mediation.status.isOpen() || !mediation.team.isAssigned(mediatorId)) {
            return List.of();
        }
        return unassign(mediatorId, UnassignmentReason.LEFT_SCHOOL, now);
    }

    /** A coordinator changes the team. */
    List<MediationEvent> unassign(Actor coordinator, String mediatorId, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        mediation.status.requireOpen();
        mediation.team.requireAssigned(mediatorId);
        return unassign(mediatorId, UnassignmentReason.BY_COORDINATOR, now);
    }

    /**
     * Takes a mediator off the case. A team left incomplete sends the case back to triage: the parties consented
     * to mediation by that team, so a new team asks them again, and the sessions planned with it are cancelled.
     */
    private List<MediationEvent> unassign(String mediatorId, UnassignmentReason reason, Instant now) {
        mediation.team = mediation.team.without(mediatorId);
        boolean teamBroken = WITH_A_TEAM.contains(mediation.status) && !mediation.team.isComplete(mediation.settings);
        if (teamBroken) {
            mediation.status = TRIAGED;
            mediation.consents = Consents.NONE;
        }
        return CaseEvents.and(
                mediation.raised(now).unassigned(mediatorId, reason, mediation.status),
                teamBroken ? mediation.cancelSessionsToCome(now) : List.of());
    }

    private static void refuseIf(Optional<MediationRefused> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
