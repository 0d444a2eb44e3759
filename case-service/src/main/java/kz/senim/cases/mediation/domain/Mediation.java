package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.CLOSED;
import static kz.senim.cases.mediation.domain.MediationStatus.FOLLOW_UP;
import static kz.senim.cases.mediation.domain.MediationStatus.NO_AGREEMENT;
import static kz.senim.cases.mediation.domain.MediationStatus.SUBMITTED;
import static kz.senim.cases.mediation.domain.MediationStatus.TRIAGED;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kz.senim.cases.mediation.domain.MediationEvent.RequestSubmitted;
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
 *
 * <p>The case is the only entry point. Its commands are grouped by what they change: submission, triage, closure
 * and retention are here; the team's, the consents', the sessions' and the agreement's are in {@link
 * TeamCommands}, {@link ConsentCommands}, {@link SessionCommands} and {@link AgreementCommands}, package-private
 * classes that work on this same case (one boundary, one version) and are reached only through its methods.
 */
public final class Mediation {

    /** What purged text reads as: the facts of the case stay, its words do not. */
    public static final String PURGED = "—";

    // The parts as they are now. Only this class and its command groups (the classes named *Commands of this
    // package) replace them; ArchitectureTest checks it.
    Request request;
    MediationSettings settings;
    MediationStatus status;
    Triage triage;
    Team team;
    Consents consents;
    Sessions sessions;
    Agreement agreement;
    FollowUp followUp;
    Closure closure;
    Retention retention;

    // The commands of the case, grouped by what they change; callers reach them through the methods below.
    final TeamCommands teamCommands = new TeamCommands(this);
    final ConsentCommands consentCommands = new ConsentCommands(this);
    final SessionCommands sessionCommands = new SessionCommands(this);
    final AgreementCommands agreementCommands = new AgreementCommands(this);

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
            return CaseEvents.and(
                    raised(now).triaged(decision, null, CLOSED), close(triage.outcomeWithoutMediation(), now));
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
        return CaseEvents.and(raised(now).escalated(), teamCommands.peersLeave(now));
    }

    // ---- the team (neutrality): see TeamCommands ----------------------------------------------

    /** A coordinator assigns a mediator; neutrality refuses anyone who could take a side. */
    public List<MediationEvent> assign(
            Actor coordinator, MediatorCandidate candidate, SchoolDirectory directory, Instant now) {
        return teamCommands.assign(coordinator, candidate, directory, now);
    }

    /** Why the candidate may not mediate this case, or empty when they may: see {@link Neutrality}. */
    public Optional<MediationRefused> whyNotEligible(MediatorCandidate candidate, SchoolDirectory directory) {
        return teamCommands.whyNotEligible(candidate, directory);
    }

    /** A coordinator links a named party to the person of the directory they are; equality is re-applied. */
    public List<MediationEvent> identifyParty(
            Actor coordinator, UUID partyId, Party person, SchoolDirectory directory, Instant now) {
        return teamCommands.identifyParty(coordinator, partyId, person, directory, now);
    }

    /** Co-mediation by two young mediators is the default; a coordinator mediates alone. */
    public int requiredMediators() {
        return team.required(settings);
    }

    /** A mediator (assigned or proposed) declares a conflict of interest: they never mediate this case. */
    public List<MediationEvent> declareConflictOfInterest(Actor mediator, Instant now) {
        return teamCommands.declareConflictOfInterest(mediator, now);
    }

    /** A party objects to a mediator, which takes the mediator off the case for good. */
    public List<MediationEvent> object(Actor party, String mediatorId, Instant now) {
        return teamCommands.object(party, mediatorId, now);
    }

    /** A mediator who left the school leaves its open cases at once, as if a coordinator unassigned them. */
    public List<MediationEvent> mediatorLeftTheSchool(String mediatorId, Instant now) {
        return teamCommands.mediatorLeftTheSchool(mediatorId, now);
    }

    /** A coordinator changes the team; a team left incomplete sends the case back to triage. */
    public List<MediationEvent> unassign(Actor coordinator, String mediatorId, Instant now) {
        return teamCommands.unassign(coordinator, mediatorId, now);
    }

    // ---- consent (voluntariness): see ConsentCommands -----------------------------------------

    /** The team asks the parties whether they take part. */
    public List<MediationEvent> askForConsent(Actor actor, Instant now) {
        return consentCommands.askForConsent(actor, now);
    }

    /** A party or guardian answers (see {@link Consents}): mediation starts when all said yes; one no ends it. */
    public List<MediationEvent> answerConsent(
            Actor actor, ConsentAnswer answer, SchoolDirectory directory, Instant now) {
        return consentCommands.answerConsent(actor, answer, directory, now);
    }

    public boolean everyConsentGiven() {
        return consents.everyGiven(request.parties(), settings);
    }

    /** Any party may leave at any moment before closure; the events do not say who left. */
    public List<MediationEvent> withdraw(Actor actor, UUID onBehalfOf, String note, Instant now) {
        return consentCommands.withdraw(actor, onBehalfOf, note, now);
    }

    // ---- sessions: see SessionCommands --------------------------------------------------------

    public List<MediationEvent> scheduleSession(
            Actor actor, SessionKind kind, Instant startsAt, String place, Set<UUID> participants, Instant now) {
        return sessionCommands.schedule(actor, kind, startsAt, place, participants, now);
    }

    public List<MediationEvent> cancelSession(Actor actor, UUID sessionId, Instant now) {
        return sessionCommands.cancel(actor, sessionId, now);
    }

    /** Session notes are confidential: no event carries them. */
    public List<MediationEvent> recordSessionNotes(Actor actor, UUID sessionId, String notes) {
        return sessionCommands.recordNotes(actor, sessionId, notes);
    }

    /** Every session still to come is cancelled, with its event: the case ends or lost its team. */
    List<MediationEvent> cancelSessionsToCome(Instant now) {
        return sessionCommands.cancelThoseToCome(now);
    }

    // ---- agreement (cooperation, ownership) and its follow-up (future): see AgreementCommands --

    /** The team writes down the parties' mutual commitments; changing the terms voids every signature. */
    public List<MediationEvent> writeAgreement(Actor actor, List<Commitment> commitments, Instant now) {
        return agreementCommands.write(actor, commitments, now);
    }

    /** A party signs the agreement for themselves; when the last one signs, it takes effect. */
    public List<MediationEvent> sign(Actor actor, Instant now) {
        return agreementCommands.sign(actor, now);
    }

    /** An agreement is in force only when every party has signed it. */
    public boolean isAgreementInForce() {
        return agreement != null && agreement.isInForceFor(request.parties());
    }

    /** The parties did not agree: a legitimate outcome, not a failure; the sessions to come are cancelled. */
    public List<MediationEvent> recordNoAgreement(Actor actor, Instant now) {
        return agreementCommands.recordNoAgreement(actor, now);
    }

    /** On the follow-up date the team checks how the agreement is kept. */
    public List<MediationEvent> followUpDue(Instant now) {
        return agreementCommands.followUpDue(now);
    }

    /** The team records how the agreement was kept; on or after its date the follow-up falls due first. */
    public List<MediationEvent> recordFollowUp(Actor actor, FollowUpResult result, Instant now) {
        return agreementCommands.recordFollowUp(actor, result, now);
    }

    /** An agreement that was not kept can bring the parties back to mediation, if they consent again. */
    public List<MediationEvent> reopen(Actor actor, Instant now) {
        return agreementCommands.reopen(actor, now);
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
    List<MediationEvent> close(Outcome result, Instant now) {
        status = CLOSED;
        closure = Closure.as(result, now);
        List<MediationEvent> events = new ArrayList<>(cancelSessionsToCome(now));
        events.add(raised(now).closed(CLOSED, result, submitterToTell()));
        return events;
    }

    /** Whoever submitted online is told; in person the submitter is the coordinator; the trust box is anonymous. */
    String submitterToTell() {
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

    /** The events this case raises at {@code now}. */
    CaseEvents raised(Instant now) {
        return new CaseEvents(schoolId(), id(), now);
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
