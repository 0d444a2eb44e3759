package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.AGREEMENT_REACHED;
import static kz.senim.cases.mediation.domain.MediationStatus.AWAITING_CONSENT;
import static kz.senim.cases.mediation.domain.MediationStatus.CLOSED;
import static kz.senim.cases.mediation.domain.MediationStatus.FOLLOW_UP;
import static kz.senim.cases.mediation.domain.MediationStatus.IN_MEDIATION;
import static kz.senim.cases.mediation.domain.MediationStatus.MEDIATORS_ASSIGNED;
import static kz.senim.cases.mediation.domain.MediationStatus.NO_AGREEMENT;
import static kz.senim.cases.mediation.domain.MediationStatus.SUBMITTED;
import static kz.senim.cases.mediation.domain.MediationStatus.TRIAGED;
import static kz.senim.cases.mediation.domain.MediationStatus.WITHDRAWN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kz.senim.cases.mediation.domain.MediationEvent.RequestSubmitted;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * A mediation case, run by the principles of mediation (docs/domain.md §3). It is one consistency boundary (one
 * row, one version), composed of parts that hold their own rules: the {@link Request}, its {@link Triage}, the
 * {@link Team} and its {@link Neutrality} policy, the {@link Consents}, the {@link Sessions}, the
 * {@link Agreement} and its {@link FollowUp}, the {@link Closure}, the {@link Retention} of its text, and who
 * sees what ({@link Confidentiality}). The case decides the order of things (its status) and turns what its
 * parts decide into events. Every command checks the rules and returns the events it caused; a command a rule
 * forbids throws {@link MediationRefused} and changes nothing.
 */
public final class Mediation {

    private static final Set<MediationStatus> WITH_A_TEAM =
            EnumSet.of(TRIAGED, MEDIATORS_ASSIGNED, AWAITING_CONSENT, IN_MEDIATION);

    /** What purged text reads as: the facts of the case stay, its words do not. */
    public static final String PURGED = "—";

    private Request request;
    private MediationSettings settings;
    private MediationStatus status;
    private Triage triage;
    private Team team;
    private Consents consents;
    private Sessions sessions;
    private Agreement agreement;
    private FollowUp followUp;
    private Closure closure;
    private Retention retention;

    /**
     * Everything a case holds, part by part, for restoring it from storage.
     *
     * @param agreement {@code null} while none is written
     */
    public record State(
            Request request,
            MediationStatus status,
            MediationSettings settings,
            Triage triage,
            Team team,
            Consents consents,
            Sessions sessions,
            Agreement agreement,
            FollowUp followUp,
            Closure closure,
            Retention retention) {

        /** A request just submitted: nothing decided yet. */
        static State submitted(Request request, MediationSettings settings) {
            return new State(
                    request,
                    SUBMITTED,
                    settings,
                    Triage.PENDING,
                    Team.NONE,
                    Consents.NONE,
                    Sessions.NONE,
                    null,
                    FollowUp.NONE,
                    Closure.OPEN,
                    Retention.KEPT);
        }
    }

    private Mediation(State s) {
        this.request = Objects.requireNonNull(s.request());
        this.status = Objects.requireNonNull(s.status());
        this.settings = Objects.requireNonNull(s.settings());
        this.triage = Objects.requireNonNull(s.triage());
        this.team = Objects.requireNonNull(s.team());
        this.consents = Objects.requireNonNull(s.consents());
        this.sessions = Objects.requireNonNull(s.sessions());
        this.agreement = s.agreement();
        this.followUp = Objects.requireNonNull(s.followUp());
        this.closure = Objects.requireNonNull(s.closure());
        this.retention = Objects.requireNonNull(s.retention());
    }

    public static Mediation restore(State state) {
        return new Mediation(state);
    }

    public State state() {
        return new State(
                request, status, settings, triage, team, consents, sessions, agreement, followUp, closure, retention);
    }

    // ---- submission -------------------------------------------------------------------------

    /**
     * A mediation request reaches the service: a conflict between at least two parties, told in the
     * submitter's words, in the language (kk, ru or en) the submitter prefers, if any.
     */
    public static Mediation submit(
            String schoolId,
            Channel channel,
            Urgency urgency,
            String preferredLanguage,
            String submittedBy,
            List<Party> parties,
            String description,
            MediationSettings settings,
            Instant now) {
        return new Mediation(State.submitted(
                Request.submitted(
                        schoolId, channel, urgency, preferredLanguage, submittedBy, parties, description, now),
                settings));
    }

    /**
     * A coordinator opens a case from a trust-box conversation, after its sender agreed: no
     * submitter and no parties yet, since the sender stays anonymous; the conversation's text is
     * the description.
     */
    public static Mediation fromTrustBox(
            String schoolId, Urgency urgency, String description, MediationSettings settings, Instant now) {
        return new Mediation(State.submitted(Request.fromTrustBox(schoolId, urgency, description, now), settings));
    }

    /**
     * The event of the submission itself: how many parties and of which kinds (who the conflict is between), never
     * who.
     *
     * @param roleOf the school directory's role of a party's user id ({@code teacher}, {@code parent}, …)
     */
    public RequestSubmitted submitted(Function<String, Optional<String>> roleOf) {
        PartyKinds kinds = PartyKinds.of(request.parties(), roleOf);
        return new RequestSubmitted(
                UUID.randomUUID(),
                schoolId(),
                request.submittedAt(),
                id(),
                RequestKind.MEDIATION,
                request.channel(),
                request.urgency(),
                request.parties().size(),
                request.hasAdultParty(),
                kinds.students(),
                kinds.teachers(),
                kinds.parents(),
                kinds.otherAdults());
    }

    // ---- triage (equality of the parties) --------------------------------------------------

    /**
     * A coordinator decides, with a reason, what happens to the request. Peer mediation is only for
     * student–student conflicts without a safeguarding concern.
     */
    public List<MediationEvent> triage(
            Actor coordinator, TriageDecision decision, String reason, boolean safeguardingConcern, Instant now) {
        requireCoordinator(coordinator);
        requireStatus(EnumSet.of(SUBMITTED), "case-already-triaged");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a triage decision has a reason");
        }
        if (decision == TriageDecision.ROUTE_TO_CONSULTATION && channel() == Channel.TRUST_BOX) {
            throw new MediationRefused(
                    "trust-box-case-not-routable",
                    "An anonymous sender is advised in the trust box, not in a consultation of their own");
        }
        if (decision == TriageDecision.ACCEPT_FOR_PEER_MEDIATION && (request.hasAdultParty() || safeguardingConcern)) {
            throw new MediationRefused(
                    "peer-mediation-not-allowed",
                    "A case with an adult party or a safeguarding concern is not mediated by students");
        }
        triage = new Triage(decision, reason, decision == TriageDecision.ESCALATE);
        List<MediationEvent> events = new ArrayList<>();
        switch (decision) {
            case ACCEPT_FOR_PEER_MEDIATION, ACCEPT_FOR_COORDINATOR_MEDIATION, ESCALATE -> {
                status = TRIAGED;
                team = team.mediatedBy(
                        decision == TriageDecision.ACCEPT_FOR_PEER_MEDIATION
                                ? MediatedBy.PEER_MEDIATORS
                                : MediatedBy.COORDINATORS);
                events.add(raised(now).triaged(decision, team.mediatedBy(), status));
                if (decision == TriageDecision.ESCALATE) {
                    events.add(raised(now).escalated());
                }
            }
            case ROUTE_TO_CONSULTATION, DECLINE -> {
                events.add(raised(now).triaged(decision, null, CLOSED));
                events.addAll(close(
                        decision == TriageDecision.DECLINE ? Outcome.DECLINED : Outcome.ROUTED_TO_CONSULTATION, now));
            }
        }
        return events;
    }

    /**
     * A safeguarding concern surfaces after triage: from now on only coordinators handle the case.
     * Young mediators leave it at once, and the parties are asked for consent again.
     */
    public List<MediationEvent> escalate(Actor coordinator, String reason, Instant now) {
        requireCoordinator(coordinator);
        requireOpen();
        if (triage.escalated()) {
            throw new MediationRefused("case-already-escalated", "The case is already escalated");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an escalation has a reason");
        }
        if (status == SUBMITTED) {
            return triage(coordinator, TriageDecision.ESCALATE, reason, true, now);
        }
        triage = triage.escalated(reason);
        team = team.mediatedBy(MediatedBy.COORDINATORS);
        List<MediationEvent> events = new ArrayList<>();
        events.add(raised(now).escalated());
        events.addAll(peersLeave(now));
        return events;
    }

    // ---- the team (neutrality) --------------------------------------------------------------

    /** A coordinator assigns a mediator; neutrality refuses anyone who could take a side. */
    public List<MediationEvent> assign(
            Actor coordinator, MediatorCandidate candidate, SchoolDirectory directory, Instant now) {
        requireCoordinator(coordinator);
        if (status == SUBMITTED) {
            throw new MediationRefused("case-not-triaged", "A case is triaged before mediators are assigned");
        }
        requireStatus(EnumSet.of(TRIAGED), "mediator-team-complete");
        Optional<MediationRefused> refusal = whyNotEligible(candidate, directory);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        Mediator mediator = new Mediator(candidate.userId(), candidate.kind());
        team = team.with(mediator);
        if (team.isComplete(settings)) {
            status = MEDIATORS_ASSIGNED;
        }
        return List.of(raised(now).assigned(mediator, status));
    }

    /** Why the candidate may not mediate this case, or empty when they may: see {@link Neutrality}. */
    public Optional<MediationRefused> whyNotEligible(MediatorCandidate candidate, SchoolDirectory directory) {
        return new Neutrality(request.parties(), directory).whyNotEligible(team, candidate);
    }

    /**
     * A coordinator links a party named in the request (a student does not know anyone's account) to
     * the person of the directory they are, so that they consent, sign and withdraw through their own
     * login. The team stays neutral: nobody assigned may be that person or in their class. When the
     * person turns out to be an adult, equality applies as at triage: the case is no longer for peer
     * mediation (see {@link #keepPeerMediationBetweenStudents}).
     *
     * @param person the party as the directory knows them: user id, adult, grade
     */
    public List<MediationEvent> identifyParty(
            Actor coordinator, UUID partyId, Party person, SchoolDirectory directory, Instant now) {
        requireCoordinator(coordinator);
        requireOpen();
        if (request.party(partyId).userId() != null) {
            throw new MediationRefused("party-already-identified", "The party is already a person of the directory");
        }
        Optional<MediationRefused> refusal =
                new Neutrality(request.parties(), directory).whyNotAParty(team, person.userId());
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        request = request.identified(partyId, person);
        return keepPeerMediationBetweenStudents(now);
    }

    /**
     * Equality, re-applied whenever what triage decided on changes: peer mediation is only for
     * student–student conflicts. A case for young mediators that now has an adult party is moved to
     * the coordinators, as an escalation would move it, and its young mediators leave at once (the
     * team left incomplete means new consent, and the sessions to come are cancelled). It is never
     * left in between, and never refused: who a party is is a fact, not a choice.
     */
    private List<MediationEvent> keepPeerMediationBetweenStudents(Instant now) {
        if (team.mediatedBy() != MediatedBy.PEER_MEDIATORS || !request.hasAdultParty()) {
            return List.of();
        }
        team = team.mediatedBy(MediatedBy.COORDINATORS);
        List<MediationEvent> events = peersLeave(now);
        if (status == TRIAGED && !team.isEmpty() && team.isComplete(settings)) {
            // A coordinator already on the team now suffices: one coordinator mediates alone.
            status = MEDIATORS_ASSIGNED;
        }
        return events;
    }

    private List<MediationEvent> peersLeave(Instant now) {
        List<MediationEvent> events = new ArrayList<>();
        for (Mediator peer : team.peers()) {
            events.addAll(unassign(peer.userId(), UnassignmentReason.BY_COORDINATOR, now));
        }
        return events;
    }

    /** Co-mediation by two young mediators is the default; a coordinator mediates alone. */
    public int requiredMediators() {
        return team.required(settings);
    }

    /** A mediator (assigned or proposed) declares a conflict of interest: they never mediate this case. */
    public List<MediationEvent> declareConflictOfInterest(Actor mediator, Instant now) {
        requireOpen();
        team = team.conflictDeclaredBy(mediator.userId());
        if (isAssignedMediator(mediator.userId())) {
            return unassign(mediator.userId(), UnassignmentReason.CONFLICT_OF_INTEREST, now);
        }
        return List.of();
    }

    /** A party objects to a mediator, which takes the mediator off the case for good. */
    public List<MediationEvent> object(Actor party, String mediatorId, Instant now) {
        requireOpen();
        partyOf(party).orElseThrow(() -> new ActorRefused("only-a-party-objects", "Only a party objects"));
        requireAssigned(mediatorId);
        team = team.objectedTo(mediatorId);
        return unassign(mediatorId, UnassignmentReason.OBJECTION, now);
    }

    /**
     * A mediator who left the school leaves its open cases at once, as a coordinator's unassignment would take
     * them off (a team left incomplete goes back to triage and asks for consent again). Nothing happens to a
     * closed case or one they do not mediate.
     */
    public List<MediationEvent> mediatorLeftTheSchool(String mediatorId, Instant now) {
        if (!status.isOpen() || !isAssignedMediator(mediatorId)) {
            return List.of();
        }
        return unassign(mediatorId, UnassignmentReason.LEFT_SCHOOL, now);
    }

    /** A coordinator changes the team. */
    public List<MediationEvent> unassign(Actor coordinator, String mediatorId, Instant now) {
        requireCoordinator(coordinator);
        requireOpen();
        requireAssigned(mediatorId);
        return unassign(mediatorId, UnassignmentReason.BY_COORDINATOR, now);
    }

    /**
     * Takes a mediator off the case. When the team is left incomplete, the case goes back to triage:
     * the parties consented to mediation by that team, so a new team asks them again, and the
     * sessions still to come (planned with the old team and consent) are cancelled.
     */
    private List<MediationEvent> unassign(String mediatorId, UnassignmentReason reason, Instant now) {
        team = team.without(mediatorId);
        boolean teamBroken = WITH_A_TEAM.contains(status) && !team.isComplete(settings);
        if (teamBroken) {
            status = TRIAGED;
            consents = Consents.NONE;
        }
        List<MediationEvent> events = new ArrayList<>();
        events.add(raised(now).unassigned(mediatorId, reason, status));
        if (teamBroken) {
            events.addAll(cancelSessionsToCome(now));
        }
        return events;
    }

    // ---- consent (voluntariness) -------------------------------------------------------------

    /** The team asks the parties whether they take part. */
    public List<MediationEvent> askForConsent(Actor actor, Instant now) {
        requireCaseWorker(actor);
        if (status == TRIAGED) {
            throw new MediationRefused("mediator-team-incomplete", "Every mediator is assigned before consent");
        }
        requireStatus(EnumSet.of(MEDIATORS_ASSIGNED), "not-ready-for-consent");
        status = AWAITING_CONSENT;
        return List.of(consentRequested(now));
    }

    /** Who is asked: the parties with an account, and which of them need a guardian's consent too. */
    private MediationEvent consentRequested(Instant now) {
        List<Party> parties = request.parties();
        List<Party> withGuardians =
                parties.stream().filter(p -> p.needsGuardianConsent(settings)).toList();
        return raised(now).consentRequested(userIdsOf(parties), userIdsOf(withGuardians), parties.size());
    }

    /**
     * A party (or their guardian) answers: in the app themselves, or through a coordinator who notes
     * how the answer was given. Mediation starts when every answer is yes; a single no ends it.
     */
    public List<MediationEvent> answerConsent(
            Actor actor, ConsentAnswer answer, SchoolDirectory directory, Instant now) {
        requireStatus(EnumSet.of(AWAITING_CONSENT), "not-awaiting-consent");
        Party party = request.party(answer.partyId());
        consents = consents.record(party, answer, actor, directory, settings, now);
        Consent recorded = consents.latest();
        if (!recorded.given()) {
            List<MediationEvent> events = new ArrayList<>();
            events.add(raised(now).consentRefused(recorded));
            events.addAll(close(Outcome.CONSENT_REFUSED, now));
            return events;
        }
        if (everyConsentGiven()) {
            status = IN_MEDIATION;
        }
        return List.of(raised(now).consentGiven(recorded, status));
    }

    public boolean everyConsentGiven() {
        return consents.everyGiven(request.parties(), settings);
    }

    /**
     * Any party may leave at any moment before closure; the case ends as {@code WITHDRAWN}, its
     * sessions still to come are cancelled, and the events do not say who left.
     */
    public List<MediationEvent> withdraw(Actor actor, UUID onBehalfOf, String note, Instant now) {
        requireOpen();
        boolean self = partyOf(actor).isPresent();
        boolean forParty = actor.coordinator()
                && onBehalfOf != null
                && request.parties().stream().anyMatch(p -> p.id().equals(onBehalfOf))
                && note != null
                && !note.isBlank();
        if (!self && !forParty) {
            throw MediationRefused.ofActor(
                    actor, "only-a-party-withdraws", "A party withdraws, or a coordinator notes it on their behalf");
        }
        MediationStatus from = status;
        status = WITHDRAWN;
        closure = Closure.as(Outcome.WITHDRAWN, now);
        List<MediationEvent> events = new ArrayList<>();
        events.add(raised(now).withdrew(from));
        events.addAll(cancelSessionsToCome(now));
        events.add(raised(now).closed(WITHDRAWN, Outcome.WITHDRAWN, submitterToTell()));
        return events;
    }

    // ---- sessions --------------------------------------------------------------------------

    public List<MediationEvent> scheduleSession(
            Actor actor, SessionKind kind, Instant startsAt, String place, Set<UUID> participants, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        Session session = Sessions.planned(kind, startsAt, place, participants);
        sessions = sessions.schedule(session, request.parties());
        return List.of(raised(now).scheduled(session, participantUserIds(session), team.userIds()));
    }

    public List<MediationEvent> cancelSession(Actor actor, UUID sessionId, Instant now) {
        requireCaseWorker(actor);
        requireOpen();
        Session session = sessions.session(sessionId);
        sessions = sessions.cancel(sessionId);
        return List.of(sessionCancelled(session, now));
    }

    /**
     * Sessions are held only while the case is in mediation: when it ends (withdrawal, closure, no
     * agreement) or loses the team the parties consented to, every session still to come is
     * cancelled, each with its event, so that nobody is reminded of or comes to a session that will
     * not take place. Sessions that already started stay as they were.
     */
    private List<MediationEvent> cancelSessionsToCome(Instant now) {
        List<MediationEvent> events = new ArrayList<>();
        for (Session session : sessions.toCome(now)) {
            events.add(sessionCancelled(session, now));
        }
        sessions = sessions.withoutThoseToCome(now);
        return events;
    }

    private MediationEvent sessionCancelled(Session session, Instant now) {
        return raised(now).cancelled(session, participantUserIds(session), team.userIds());
    }

    private List<String> participantUserIds(Session session) {
        return userIdsOf(request.parties().stream()
                .filter(p -> session.participants().contains(p.id()))
                .toList());
    }

    /** Session notes are confidential: no event carries them. */
    public List<MediationEvent> recordSessionNotes(Actor actor, UUID sessionId, String notes) {
        requireCaseWorker(actor);
        requireOpen();
        sessions = sessions.withNotes(sessionId, notes);
        return List.of();
    }

    // ---- agreement (cooperation, ownership) and its follow-up (future) ---------------------

    /**
     * The team writes down the parties' mutual commitments (see {@link Agreement#write}). Changing the terms
     * voids every signature given so far.
     */
    public List<MediationEvent> writeAgreement(Actor actor, List<Commitment> commitments, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        agreement = Agreement.write(commitments, request.parties());
        return List.of(raised(now).agreementProposed(userIdsOf(request.parties()), commitments.size()));
    }

    /** A party signs the agreement for themselves; when the last one signs, it takes effect. */
    public List<MediationEvent> sign(Actor actor, Instant now) {
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        Party party = partyOf(actor)
                .orElseThrow(() ->
                        new ActorRefused("nobody-signs-for-another", "Only a party signs, and only for themselves"));
        if (agreement == null) {
            throw new MediationRefused("no-agreement-to-sign", "There is no agreement to sign yet");
        }
        agreement = agreement.signedBy(party.id(), now);
        if (!isAgreementInForce()) {
            return List.of();
        }
        status = AGREEMENT_REACHED;
        followUp = FollowUp.after(now, settings);
        return List.of(raised(now).signedByAll(agreement.commitments().size(), followUp.date()));
    }

    /** An agreement is in force only when every party has signed it. */
    public boolean isAgreementInForce() {
        return agreement != null && agreement.isInForceFor(request.parties());
    }

    /**
     * The parties did not agree: a legitimate outcome, not a failure. Mediation is over, so the
     * sessions still to come are cancelled.
     */
    public List<MediationEvent> recordNoAgreement(Actor actor, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        status = NO_AGREEMENT;
        List<MediationEvent> events = new ArrayList<>();
        events.add(raised(now).noAgreement());
        events.addAll(cancelSessionsToCome(now));
        return events;
    }

    /** On the follow-up date the team checks how the agreement is kept. */
    public List<MediationEvent> followUpDue(Instant now) {
        requireStatus(EnumSet.of(AGREEMENT_REACHED), "no-agreement-in-force");
        if (!followUp.isDue(now, settings)) {
            throw new MediationRefused("follow-up-not-due", "The follow-up date has not come yet");
        }
        status = FOLLOW_UP;
        return List.of(raised(now).followUpDue(followUp.date()));
    }

    /**
     * The team records how the agreement was kept. On or after the follow-up date the team need not wait for
     * the reminder: the follow-up falls due first (before its date it is refused as not due).
     */
    public List<MediationEvent> recordFollowUp(Actor actor, FollowUpResult result, Instant now) {
        requireCaseWorker(actor);
        List<MediationEvent> events = new ArrayList<>();
        if (status == AGREEMENT_REACHED) {
            events.addAll(followUpDue(now));
        }
        requireStatus(EnumSet.of(FOLLOW_UP), "follow-up-not-due");
        followUp = followUp.recorded(result);
        events.add(raised(now).followUpRecorded(result));
        return events;
    }

    /** An agreement that was not kept can bring the parties back to mediation, if they consent again. */
    public List<MediationEvent> reopen(Actor actor, Instant now) {
        requireCaseWorker(actor);
        if (status != FOLLOW_UP || !followUp.foundNotKept()) {
            throw new MediationRefused("reopen-needs-agreement-not-kept", "Only an agreement not kept reopens");
        }
        agreement = null;
        followUp = FollowUp.NONE;
        consents = Consents.NONE;
        status = team.isComplete(settings) ? AWAITING_CONSENT : TRIAGED;
        MediationEvent reopened = raised(now).reopened();
        return status == AWAITING_CONSENT ? List.of(reopened, consentRequested(now)) : List.of(reopened);
    }

    // ---- closure ----------------------------------------------------------------------------

    /**
     * Closes the case with its outcome: after the follow-up is recorded, after no agreement, or (by a
     * coordinator) an escalated case handled outside mediation.
     */
    public List<MediationEvent> close(Actor actor, Instant now) {
        requireCaseWorker(actor);
        requireOpen();
        if (status == FOLLOW_UP && followUp.result() != null) {
            return close(followUp.result().outcome(), now);
        }
        if (status == NO_AGREEMENT) {
            return close(Outcome.NO_AGREEMENT, now);
        }
        if (triage.escalated() && actor.coordinator() && status.isOpen()) {
            return close(Outcome.ESCALATED, now);
        }
        throw new MediationRefused("case-not-ready-to-close", "The case cannot be closed in its current state");
    }

    /** Ends the case with its outcome; the sessions still to come are cancelled first. */
    private List<MediationEvent> close(Outcome result, Instant now) {
        status = CLOSED;
        closure = Closure.as(result, now);
        List<MediationEvent> events = new ArrayList<>(cancelSessionsToCome(now));
        events.add(raised(now).closed(CLOSED, result, submitterToTell()));
        return events;
    }

    /**
     * Whoever submitted the request online is told its status; a request recorded in person names
     * the coordinator who typed it, and one from the trust box stays anonymous: nobody to tell.
     */
    private String submitterToTell() {
        return channel() == Channel.ONLINE_FORM ? submittedBy() : null;
    }

    // ---- retention ---------------------------------------------------------------------------

    /** A coordinator stops the purge of this case's text, e.g. for a legal proceeding. */
    public List<MediationEvent> placeLegalHold(Actor coordinator) {
        requireCoordinator(coordinator);
        retention = retention.held();
        return List.of();
    }

    public List<MediationEvent> releaseLegalHold(Actor coordinator) {
        requireCoordinator(coordinator);
        retention = retention.released();
        return List.of();
    }

    /** True when the retention period after closure has passed and no legal hold stops the purge. */
    public boolean isDueForPurge(Duration period, Instant now) {
        return !status.isOpen() && retention.isDue(closure.closedAt(), period, now);
    }

    /**
     * Removes every confidential text of a closed case after the retention period: narratives,
     * reasons, names, notes and terms. Statuses, counts and dates stay for the statistics. A session
     * still to come (of a case closed before closing cancelled them) is cancelled too.
     *
     * @return the events of the purge (sessions cancelled), or empty when the case is not due
     */
    public Optional<List<MediationEvent>> purge(Duration period, Instant now) {
        if (!isDueForPurge(period, now)) {
            return Optional.empty();
        }
        List<MediationEvent> events = cancelSessionsToCome(now);
        request = request.purged(PURGED);
        triage = triage.purged();
        consents = consents.purged();
        sessions = sessions.purged();
        agreement = agreement == null ? null : agreement.purged(PURGED);
        retention = retention.purged(now);
        return Optional.of(events);
    }

    public boolean legalHold() {
        return retention.legalHold();
    }

    public Optional<Instant> purgedAt() {
        return Optional.ofNullable(retention.purgedAt());
    }

    // ---- confidentiality ---------------------------------------------------------------------

    /** What the given person may see of this case: see {@link Confidentiality}. */
    public Visibility visibilityFor(Actor actor) {
        return confidentiality().visibilityFor(actor);
    }

    /** As above, and a guardian whose consent the school asks for a party sees what that consent needs. */
    public Visibility visibilityFor(Actor actor, SchoolDirectory directory) {
        return confidentiality().visibilityFor(actor, directory);
    }

    /** The parties whose guardian's consent the school asks for, and whose guardian the actor is. */
    public List<Party> wardsOf(Actor actor, SchoolDirectory directory) {
        return confidentiality().wardsOf(actor, directory);
    }

    /** The guardian's answer for a party, if given: empty while it is awaited. */
    public Optional<Boolean> guardianConsentOf(UUID partyId) {
        return consents.guardianAnswerOf(partyId);
    }

    /** Only the submitter, the team and the coordinators read the narrative of the request. */
    public boolean mayReadDescription(Actor actor) {
        return confidentiality().mayReadDescription(actor);
    }

    private Confidentiality confidentiality() {
        return new Confidentiality(request, team, settings);
    }

    // ---- rules shared by the commands --------------------------------------------------------

    public boolean isAssignedMediator(String userId) {
        return team.isAssigned(userId);
    }

    public Optional<Party> partyOf(Actor actor) {
        return request.parties().stream().filter(p -> p.isUser(actor.userId())).findFirst();
    }

    private CaseEvents raised(Instant now) {
        return new CaseEvents(schoolId(), id(), now);
    }

    private static List<String> userIdsOf(Collection<Party> some) {
        return some.stream().map(Party::userId).filter(Objects::nonNull).toList();
    }

    private void requireAssigned(String mediatorId) {
        if (!isAssignedMediator(mediatorId)) {
            throw new MediationRefused("mediator-not-assigned", "The mediator is not assigned to this case");
        }
    }

    private void requireCoordinator(Actor actor) {
        if (!actor.coordinator()) {
            throw new ActorRefused("coordinators-only", "Only a coordinator of the school does this");
        }
    }

    /** The case's assigned mediators, or the school's coordinators who supervise every case. */
    private void requireCaseWorker(Actor actor) {
        if (!actor.coordinator() && !isAssignedMediator(actor.userId())) {
            throw new ActorRefused("case-team-only", "Only the case's mediators or a coordinator do this");
        }
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new MediationRefused("case-not-open", "The case is already closed");
        }
    }

    private void requireStatus(Set<MediationStatus> allowed, String reason) {
        requireOpen();
        if (!allowed.contains(status)) {
            throw new MediationRefused(reason, "Not possible while the case is " + status);
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    public UUID id() {
        return request.id();
    }

    public String schoolId() {
        return request.schoolId();
    }

    public Channel channel() {
        return request.channel();
    }

    public Urgency urgency() {
        return request.urgency();
    }

    public Optional<String> preferredLanguage() {
        return Optional.ofNullable(request.preferredLanguage());
    }

    public String submittedBy() {
        return request.submittedBy();
    }

    public Instant submittedAt() {
        return request.submittedAt();
    }

    public List<Party> parties() {
        return request.parties();
    }

    public String description() {
        return request.description();
    }

    public MediationStatus status() {
        return status;
    }

    public Optional<TriageDecision> triageDecision() {
        return Optional.ofNullable(triage.decision());
    }

    public Optional<String> triageReason() {
        return Optional.ofNullable(triage.reason());
    }

    public Optional<MediatedBy> mediatedBy() {
        return Optional.ofNullable(team.mediatedBy());
    }

    public boolean escalated() {
        return triage.escalated();
    }

    public List<Mediator> mediators() {
        return team.mediators();
    }

    public List<Consent> consents() {
        return consents.answers();
    }

    public List<Session> sessions() {
        return sessions.all();
    }

    public Optional<Agreement> agreement() {
        return Optional.ofNullable(agreement);
    }

    public Optional<LocalDate> followUpDate() {
        return Optional.ofNullable(followUp.date());
    }

    public Optional<FollowUpResult> followUpResult() {
        return Optional.ofNullable(followUp.result());
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(closure.outcome());
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closure.closedAt());
    }

    /**
     * Takes the school's settings in force now: the decisions made on the case from here on
     * (mediators needed, guardian consent, the follow-up date) follow them.
     */
    public void followSettings(MediationSettings inForce) {
        this.settings = Objects.requireNonNull(inForce);
    }

    public MediationSettings settings() {
        return settings;
    }
}
