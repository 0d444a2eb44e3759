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

    /** A coordinator opens a case from a trust-box conversation, after its sender agreed (see {@link Request}). */
    public static Mediation fromTrustBox(
            String schoolId, Urgency urgency, String description, MediationSettings settings, Instant now) {
        return new Mediation(State.submitted(Request.fromTrustBox(schoolId, urgency, description, now), settings));
    }

    /** The event of the submission: how many parties of which kinds (by the directory's {@code roleOf}), never who. */
    public RequestSubmitted submitted(Function<String, Optional<String>> roleOf) {
        return raised(request.submittedAt()).submitted(request, PartyKinds.of(request.parties(), roleOf));
    }

    // ---- triage (equality of the parties) --------------------------------------------------

    /** A coordinator decides, with a reason, what happens to the request (see {@link Triage#decide}). */
    public List<MediationEvent> triage(
            Actor coordinator, TriageDecision decision, String reason, boolean safeguardingConcern, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        status.require("case-already-triaged", SUBMITTED);
        triage = Triage.decide(decision, reason, safeguardingConcern, request);
        if (!triage.toMediation()) {
            return and(raised(now).triaged(decision, null, CLOSED), close(triage.outcomeWithoutMediation(), now));
        }
        status = TRIAGED;
        team = team.mediatedBy(triage.whoMediates());
        MediationEvent triaged = raised(now).triaged(decision, team.mediatedBy(), status);
        return triage.escalated() ? List.of(triaged, raised(now).escalated()) : List.of(triaged);
    }

    /**
     * A safeguarding concern surfaces after triage: from now on only coordinators handle the case.
     * Young mediators leave it at once, and the parties are asked for consent again.
     */
    public List<MediationEvent> escalate(Actor coordinator, String reason, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        status.requireOpen();
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
        return and(raised(now).escalated(), peersLeave(now));
    }

    // ---- the team (neutrality) --------------------------------------------------------------

    /** A coordinator assigns a mediator; neutrality refuses anyone who could take a side. */
    public List<MediationEvent> assign(
            Actor coordinator, MediatorCandidate candidate, SchoolDirectory directory, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        if (status == SUBMITTED) {
            throw new MediationRefused("case-not-triaged", "A case is triaged before mediators are assigned");
        }
        status.require("mediator-team-complete", TRIAGED);
        refuseIf(whyNotEligible(candidate, directory));
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
     * A coordinator links a party named in the request to the person of the directory they are (user id, adult,
     * grade), so that they consent, sign and withdraw themselves; the team stays neutral toward them, and equality
     * is re-applied.
     */
    public List<MediationEvent> identifyParty(
            Actor coordinator, UUID partyId, Party person, SchoolDirectory directory, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        status.requireOpen();
        if (request.party(partyId).userId() != null) {
            throw new MediationRefused("party-already-identified", "The party is already a person of the directory");
        }
        refuseIf(new Neutrality(request.parties(), directory).whyNotAParty(team, person.userId()));
        request = request.identified(partyId, person);
        return keepPeerMediationBetweenStudents(now);
    }

    /**
     * Equality, re-applied when a party turns out to be an adult: a case for young mediators moves to the
     * coordinators as an escalation would, its young mediators leave at once; never refused, never in between.
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
        status.requireOpen();
        team = team.conflictDeclaredBy(mediator.userId());
        if (isAssignedMediator(mediator.userId())) {
            return unassign(mediator.userId(), UnassignmentReason.CONFLICT_OF_INTEREST, now);
        }
        return List.of();
    }

    /** A party objects to a mediator, which takes the mediator off the case for good. */
    public List<MediationEvent> object(Actor party, String mediatorId, Instant now) {
        status.requireOpen();
        partyOf(party).orElseThrow(() -> new ActorRefused("only-a-party-objects", "Only a party objects"));
        team.requireAssigned(mediatorId);
        team = team.objectedTo(mediatorId);
        return unassign(mediatorId, UnassignmentReason.OBJECTION, now);
    }

    /** A mediator who left the school leaves its open cases at once, as if a coordinator unassigned them. */
    public List<MediationEvent> mediatorLeftTheSchool(String mediatorId, Instant now) {
        if (!status.isOpen() || !isAssignedMediator(mediatorId)) {
            return List.of();
        }
        return unassign(mediatorId, UnassignmentReason.LEFT_SCHOOL, now);
    }

    /** A coordinator changes the team. */
    public List<MediationEvent> unassign(Actor coordinator, String mediatorId, Instant now) {
        ActorRefused.unlessCoordinator(coordinator);
        status.requireOpen();
        team.requireAssigned(mediatorId);
        return unassign(mediatorId, UnassignmentReason.BY_COORDINATOR, now);
    }

    /**
     * Takes a mediator off the case. A team left incomplete sends the case back to triage: the parties consented
     * to mediation by that team, so a new team asks them again, and the sessions planned with it are cancelled.
     */
    private List<MediationEvent> unassign(String mediatorId, UnassignmentReason reason, Instant now) {
        team = team.without(mediatorId);
        boolean teamBroken = WITH_A_TEAM.contains(status) && !team.isComplete(settings);
        if (teamBroken) {
            status = TRIAGED;
            consents = Consents.NONE;
        }
        return and(
                raised(now).unassigned(mediatorId, reason, status), teamBroken ? cancelSessionsToCome(now) : List.of());
    }

    // ---- consent (voluntariness) -------------------------------------------------------------

    /** The team asks the parties whether they take part. */
    public List<MediationEvent> askForConsent(Actor actor, Instant now) {
        team.requireCaseWorker(actor);
        if (status == TRIAGED) {
            throw new MediationRefused("mediator-team-incomplete", "Every mediator is assigned before consent");
        }
        status.require("not-ready-for-consent", MEDIATORS_ASSIGNED);
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

    /** A party or guardian answers (see {@link Consents}): mediation starts when all said yes; one no ends it. */
    public List<MediationEvent> answerConsent(
            Actor actor, ConsentAnswer answer, SchoolDirectory directory, Instant now) {
        status.require("not-awaiting-consent", AWAITING_CONSENT);
        Party party = request.party(answer.partyId());
        consents = consents.record(party, answer, actor, directory, settings, now);
        Consent recorded = consents.latest();
        if (!recorded.given()) {
            return and(raised(now).consentRefused(recorded), close(Outcome.CONSENT_REFUSED, now));
        }
        if (everyConsentGiven()) {
            status = IN_MEDIATION;
        }
        return List.of(raised(now).consentGiven(recorded, status));
    }

    public boolean everyConsentGiven() {
        return consents.everyGiven(request.parties(), settings);
    }

    /** Any party may leave at any moment before closure; the events do not say who left. */
    public List<MediationEvent> withdraw(Actor actor, UUID onBehalfOf, String note, Instant now) {
        status.requireOpen();
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
        List<MediationEvent> events = and(raised(now).withdrew(from), cancelSessionsToCome(now));
        events.add(raised(now).closed(WITHDRAWN, Outcome.WITHDRAWN, submitterToTell()));
        return events;
    }

    // ---- sessions --------------------------------------------------------------------------

    public List<MediationEvent> scheduleSession(
            Actor actor, SessionKind kind, Instant startsAt, String place, Set<UUID> participants, Instant now) {
        team.requireCaseWorker(actor);
        status.require("mediation-not-in-progress", IN_MEDIATION);
        Session session = Sessions.planned(kind, startsAt, place, participants);
        sessions = sessions.schedule(session, request.parties());
        return List.of(raised(now).scheduled(session, request.parties(), team));
    }

    public List<MediationEvent> cancelSession(Actor actor, UUID sessionId, Instant now) {
        team.requireCaseWorker(actor);
        status.requireOpen();
        Session session = sessions.session(sessionId);
        sessions = sessions.cancel(sessionId);
        return List.of(sessionCancelled(session, now));
    }

    /**
     * Sessions are held only while the case is in mediation: when it ends or loses the team the parties consented
     * to, each session still to come is cancelled with its event, so that nobody comes to one that will not be.
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
        return raised(now).cancelled(session, request.parties(), team);
    }

    /** Session notes are confidential: no event carries them. */
    public List<MediationEvent> recordSessionNotes(Actor actor, UUID sessionId, String notes) {
        team.requireCaseWorker(actor);
        status.requireOpen();
        sessions = sessions.withNotes(sessionId, notes);
        return List.of();
    }

    // ---- agreement (cooperation, ownership) and its follow-up (future) ---------------------

    /**
     * The team writes down the parties' mutual commitments (see {@link Agreement#write}). Changing the terms
     * voids every signature given so far.
     */
    public List<MediationEvent> writeAgreement(Actor actor, List<Commitment> commitments, Instant now) {
        team.requireCaseWorker(actor);
        status.require("mediation-not-in-progress", IN_MEDIATION);
        agreement = Agreement.write(commitments, request.parties());
        return List.of(raised(now).agreementProposed(userIdsOf(request.parties()), commitments.size()));
    }

    /** A party signs the agreement for themselves; when the last one signs, it takes effect. */
    public List<MediationEvent> sign(Actor actor, Instant now) {
        status.require("mediation-not-in-progress", IN_MEDIATION);
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

    /** The parties did not agree: a legitimate outcome, not a failure; the sessions to come are cancelled. */
    public List<MediationEvent> recordNoAgreement(Actor actor, Instant now) {
        team.requireCaseWorker(actor);
        status.require("mediation-not-in-progress", IN_MEDIATION);
        status = NO_AGREEMENT;
        return and(raised(now).noAgreement(), cancelSessionsToCome(now));
    }

    /** On the follow-up date the team checks how the agreement is kept. */
    public List<MediationEvent> followUpDue(Instant now) {
        status.require("no-agreement-in-force", AGREEMENT_REACHED);
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
        team.requireCaseWorker(actor);
        List<MediationEvent> events = new ArrayList<>();
        if (status == AGREEMENT_REACHED) {
            events.addAll(followUpDue(now));
        }
        status.require("follow-up-not-due", FOLLOW_UP);
        followUp = followUp.recorded(result);
        events.add(raised(now).followUpRecorded(result));
        return events;
    }

    /** An agreement that was not kept can bring the parties back to mediation, if they consent again. */
    public List<MediationEvent> reopen(Actor actor, Instant now) {
        team.requireCaseWorker(actor);
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
        team.requireCaseWorker(actor);
        status.requireOpen();
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

    /** Whoever submitted online is told; in person the submitter is the coordinator; the trust box is anonymous. */
    private String submitterToTell() {
        return request.channel() == Channel.ONLINE_FORM ? request.submittedBy() : null;
    }

    // ---- retention ---------------------------------------------------------------------------

    /** A coordinator stops the purge of this case's text, e.g. for a legal proceeding. */
    public List<MediationEvent> placeLegalHold(Actor coordinator) {
        ActorRefused.unlessCoordinator(coordinator);
        retention = retention.held();
        return List.of();
    }

    public List<MediationEvent> releaseLegalHold(Actor coordinator) {
        ActorRefused.unlessCoordinator(coordinator);
        retention = retention.released();
        return List.of();
    }

    /** True when the retention period after closure has passed and no legal hold stops the purge. */
    public boolean isDueForPurge(Duration period, Instant now) {
        return !status.isOpen() && retention.isDue(closure.closedAt(), period, now);
    }

    /**
     * Removes every confidential text of a closed case after the retention period (narratives, reasons, names,
     * notes, terms); statuses, counts and dates stay. A session still to come is cancelled too.
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

    // ---- confidentiality ---------------------------------------------------------------------

    /** Who sees what of this case: see {@link Confidentiality}. */
    public Confidentiality confidentiality() {
        return new Confidentiality(request, team, settings);
    }

    /** The guardian's answer for a party, if given: empty while it is awaited. */
    public Optional<Boolean> guardianConsentOf(UUID partyId) {
        return consents.guardianAnswerOf(partyId);
    }

    // ---- rules shared by the commands --------------------------------------------------------

    public boolean isAssignedMediator(String userId) {
        return team.isAssigned(userId);
    }

    public Optional<Party> partyOf(Actor actor) {
        return request.parties().stream().filter(p -> p.isUser(actor.userId())).findFirst();
    }

    private static void refuseIf(Optional<MediationRefused> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The first event, then the others. */
    private static List<MediationEvent> and(MediationEvent first, List<MediationEvent> then) {
        List<MediationEvent> events = new ArrayList<>(List.of(first));
        events.addAll(then);
        return events;
    }

    private CaseEvents raised(Instant now) {
        return new CaseEvents(schoolId(), id(), now);
    }

    private static List<String> userIdsOf(Collection<Party> some) {
        return some.stream().map(Party::userId).filter(Objects::nonNull).toList();
    }

    // ---- reading: the parts, and what most readers ask ------------------------------------

    public UUID id() {
        return request.id();
    }

    public String schoolId() {
        return request.schoolId();
    }

    public MediationStatus status() {
        return status;
    }

    public Request request() {
        return request;
    }

    public List<Party> parties() {
        return request.parties();
    }

    public Triage triage() {
        return triage;
    }

    public Team team() {
        return team;
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
        return followUp.dateIfAny();
    }

    public FollowUp followUp() {
        return followUp;
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(closure.outcome());
    }

    public Closure closure() {
        return closure;
    }

    public Retention retention() {
        return retention;
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
