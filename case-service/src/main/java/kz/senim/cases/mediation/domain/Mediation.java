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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementProposed;
import kz.senim.cases.mediation.domain.MediationEvent.AgreementSignedByAll;
import kz.senim.cases.mediation.domain.MediationEvent.CaseClosed;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentGiven;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRefused;
import kz.senim.cases.mediation.domain.MediationEvent.ConsentRequested;
import kz.senim.cases.mediation.domain.MediationEvent.FollowUpDue;
import kz.senim.cases.mediation.domain.MediationEvent.FollowUpRecorded;
import kz.senim.cases.mediation.domain.MediationEvent.MediationReopened;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorAssigned;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.NoAgreementReached;
import kz.senim.cases.mediation.domain.MediationEvent.PartyWithdrew;
import kz.senim.cases.mediation.domain.MediationEvent.RequestEscalated;
import kz.senim.cases.mediation.domain.MediationEvent.RequestSubmitted;
import kz.senim.cases.mediation.domain.MediationEvent.RequestTriaged;
import kz.senim.cases.mediation.domain.MediationEvent.SessionCancelled;
import kz.senim.cases.mediation.domain.MediationEvent.SessionScheduled;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolClass;
import kz.senim.cases.school.domain.SchoolDirectory;

/**
 * A mediation case, run by the principles of mediation (docs/domain.md §3). Every command checks the
 * rules and returns the events it caused; a command a rule forbids throws {@link MediationRefused}
 * and changes nothing.
 */
public final class Mediation {

    private static final Set<MediationStatus> WITH_A_TEAM =
            EnumSet.of(TRIAGED, MEDIATORS_ASSIGNED, AWAITING_CONSENT, IN_MEDIATION);

    private final UUID id;
    private final String schoolId;
    private final Channel channel;
    private final Urgency urgency;
    private final String preferredLanguage;
    private final String submittedBy;
    private final Instant submittedAt;
    private final List<Party> parties;
    private String description;
    private MediationSettings settings;

    private MediationStatus status;
    private TriageDecision triageDecision;
    private String triageReason;
    private MediatedBy mediatedBy;
    private boolean escalated;
    private final List<Mediator> mediators;
    private final Set<String> objectedMediators;
    private final Set<String> conflictedMediators;
    private final List<Consent> consents;
    private final List<Session> sessions;
    private Agreement agreement;
    private LocalDate followUpDate;
    private FollowUpResult followUpResult;
    private Outcome outcome;
    private Instant closedAt;
    private boolean legalHold;
    private Instant purgedAt;

    /** Everything a case holds, for restoring it from storage. */
    public record State(
            UUID id,
            String schoolId,
            Channel channel,
            Urgency urgency,
            String preferredLanguage,
            String submittedBy,
            Instant submittedAt,
            List<Party> parties,
            String description,
            MediationSettings settings,
            MediationStatus status,
            TriageDecision triageDecision,
            String triageReason,
            MediatedBy mediatedBy,
            boolean escalated,
            List<Mediator> mediators,
            Set<String> objectedMediators,
            Set<String> conflictedMediators,
            List<Consent> consents,
            List<Session> sessions,
            Agreement agreement,
            LocalDate followUpDate,
            FollowUpResult followUpResult,
            Outcome outcome,
            Instant closedAt,
            boolean legalHold,
            Instant purgedAt) {}

    private Mediation(State s) {
        this.id = Objects.requireNonNull(s.id());
        this.schoolId = Objects.requireNonNull(s.schoolId());
        this.channel = Objects.requireNonNull(s.channel());
        this.urgency = Objects.requireNonNull(s.urgency());
        this.preferredLanguage = s.preferredLanguage();
        // A trust-box case has no submitter: the sender stays anonymous.
        this.submittedBy = s.channel() == Channel.TRUST_BOX ? s.submittedBy() : Objects.requireNonNull(s.submittedBy());
        this.submittedAt = Objects.requireNonNull(s.submittedAt());
        this.parties = new ArrayList<>(s.parties());
        this.description = s.description();
        this.settings = Objects.requireNonNull(s.settings());
        this.status = Objects.requireNonNull(s.status());
        this.triageDecision = s.triageDecision();
        this.triageReason = s.triageReason();
        this.mediatedBy = s.mediatedBy();
        this.escalated = s.escalated();
        this.mediators = new ArrayList<>(s.mediators());
        this.objectedMediators = new LinkedHashSet<>(s.objectedMediators());
        this.conflictedMediators = new LinkedHashSet<>(s.conflictedMediators());
        this.consents = new ArrayList<>(s.consents());
        this.sessions = new ArrayList<>(s.sessions());
        this.agreement = s.agreement();
        this.followUpDate = s.followUpDate();
        this.followUpResult = s.followUpResult();
        this.outcome = s.outcome();
        this.closedAt = s.closedAt();
        this.legalHold = s.legalHold();
        this.purgedAt = s.purgedAt();
    }

    public static Mediation restore(State state) {
        return new Mediation(state);
    }

    public State state() {
        return new State(
                id,
                schoolId,
                channel,
                urgency,
                preferredLanguage,
                submittedBy,
                submittedAt,
                List.copyOf(parties),
                description,
                settings,
                status,
                triageDecision,
                triageReason,
                mediatedBy,
                escalated,
                List.copyOf(mediators),
                Set.copyOf(objectedMediators),
                Set.copyOf(conflictedMediators),
                List.copyOf(consents),
                List.copyOf(sessions),
                agreement,
                followUpDate,
                followUpResult,
                outcome,
                closedAt,
                legalHold,
                purgedAt);
    }

    // ---- submission -------------------------------------------------------------------------

    /**
     * A mediation request reaches the service: a conflict between at least two parties, told in the
     * submitter's words.
     */
    public static Mediation submit(
            String schoolId,
            Channel channel,
            Urgency urgency,
            String submittedBy,
            List<Party> parties,
            String description,
            MediationSettings settings,
            Instant now) {
        return submit(schoolId, channel, urgency, null, submittedBy, parties, description, settings, now);
    }

    /** As above, with the language (kk, ru or en) the submitter prefers for the mediation, if any. */
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
        if (parties.size() < 2) {
            throw new MediationRefused("conflict-needs-two-parties", "A conflict has at least two parties");
        }
        Set<String> users = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (Party party : parties) {
            if (!ids.add(party.id()) || (party.userId() != null && !users.add(party.userId()))) {
                throw new MediationRefused("party-listed-twice", "Each party is listed once");
            }
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a request describes the conflict");
        }
        return new Mediation(new State(
                UUID.randomUUID(),
                schoolId,
                channel,
                urgency,
                preferredLanguage,
                submittedBy,
                now,
                parties,
                description,
                settings,
                SUBMITTED,
                null,
                null,
                null,
                false,
                List.of(),
                Set.of(),
                Set.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                false,
                null));
    }

    /**
     * A coordinator opens a case from a trust-box conversation, after its sender agreed: no
     * submitter and no parties yet, since the sender stays anonymous; the conversation's text is
     * the description.
     */
    public static Mediation fromTrustBox(
            String schoolId, Urgency urgency, String description, MediationSettings settings, Instant now) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a request describes the conflict");
        }
        return new Mediation(new State(
                UUID.randomUUID(),
                schoolId,
                Channel.TRUST_BOX,
                urgency,
                null,
                null,
                now,
                List.of(),
                description,
                settings,
                SUBMITTED,
                null,
                null,
                null,
                false,
                List.of(),
                Set.of(),
                Set.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                false,
                null));
    }

    /**
     * The event of the submission itself: how many parties and of which kinds (who the conflict is between), never
     * who.
     *
     * @param roleOf the school directory's role of a party's user id ({@code teacher}, {@code parent}, …)
     */
    public RequestSubmitted submitted(Function<String, Optional<String>> roleOf) {
        PartyKinds kinds = PartyKinds.of(parties, roleOf);
        return new RequestSubmitted(
                UUID.randomUUID(),
                schoolId,
                submittedAt,
                id,
                RequestKind.MEDIATION,
                channel,
                urgency,
                parties.size(),
                hasAdultParty(),
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
        if (decision == TriageDecision.ROUTE_TO_CONSULTATION && channel == Channel.TRUST_BOX) {
            throw new MediationRefused(
                    "trust-box-case-not-routable",
                    "An anonymous sender is advised in the trust box, not in a consultation of their own");
        }
        if (decision == TriageDecision.ACCEPT_FOR_PEER_MEDIATION && (hasAdultParty() || safeguardingConcern)) {
            throw new MediationRefused(
                    "peer-mediation-not-allowed",
                    "A case with an adult party or a safeguarding concern is not mediated by students");
        }
        triageDecision = decision;
        triageReason = reason;
        List<MediationEvent> events = new ArrayList<>();
        switch (decision) {
            case ACCEPT_FOR_PEER_MEDIATION -> {
                status = TRIAGED;
                mediatedBy = MediatedBy.PEER_MEDIATORS;
                events.add(triaged(now));
            }
            case ACCEPT_FOR_COORDINATOR_MEDIATION -> {
                status = TRIAGED;
                mediatedBy = MediatedBy.COORDINATORS;
                events.add(triaged(now));
            }
            case ESCALATE -> {
                status = TRIAGED;
                mediatedBy = MediatedBy.COORDINATORS;
                escalated = true;
                events.add(triaged(now));
                events.add(new RequestEscalated(UUID.randomUUID(), schoolId, now, id));
            }
            case ROUTE_TO_CONSULTATION -> {
                events.add(triagedClosing(now));
                events.addAll(close(Outcome.ROUTED_TO_CONSULTATION, now));
            }
            case DECLINE -> {
                events.add(triagedClosing(now));
                events.addAll(close(Outcome.DECLINED, now));
            }
        }
        return events;
    }

    private RequestTriaged triaged(Instant now) {
        return new RequestTriaged(UUID.randomUUID(), schoolId, now, id, triageDecision, mediatedBy, status);
    }

    private RequestTriaged triagedClosing(Instant now) {
        return new RequestTriaged(UUID.randomUUID(), schoolId, now, id, triageDecision, null, CLOSED);
    }

    /**
     * A safeguarding concern surfaces after triage: from now on only coordinators handle the case.
     * Young mediators leave it at once, and the parties are asked for consent again.
     */
    public List<MediationEvent> escalate(Actor coordinator, String reason, Instant now) {
        requireCoordinator(coordinator);
        requireOpen();
        if (escalated) {
            throw new MediationRefused("case-already-escalated", "The case is already escalated");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an escalation has a reason");
        }
        if (status == SUBMITTED) {
            return triage(coordinator, TriageDecision.ESCALATE, reason, true, now);
        }
        escalated = true;
        mediatedBy = MediatedBy.COORDINATORS;
        triageReason = reason;
        List<MediationEvent> events = new ArrayList<>();
        events.add(new RequestEscalated(UUID.randomUUID(), schoolId, now, id));
        for (Mediator peer :
                mediators.stream().filter(m -> m.kind() == MediatorKind.PEER).toList()) {
            events.addAll(unassign(peer.userId(), UnassignmentReason.BY_COORDINATOR, now));
        }
        return events;
    }

    // ---- assignment (neutrality) -------------------------------------------------------------

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
        mediators.add(new Mediator(candidate.userId(), candidate.kind()));
        if (mediators.size() >= requiredMediators()) {
            status = MEDIATORS_ASSIGNED;
        }
        return List.of(new MediatorAssigned(
                UUID.randomUUID(), schoolId, now, id, candidate.userId(), candidate.kind(), status));
    }

    /**
     * Why the candidate may not mediate this case (neutrality, equality, certification), or empty
     * when they may.
     */
    public Optional<MediationRefused> whyNotEligible(MediatorCandidate candidate, SchoolDirectory directory) {
        if (isAssignedMediator(candidate.userId())) {
            return Optional.of(new MediationRefused("mediator-already-assigned", "The mediator is already assigned"));
        }
        if (candidate.kind() == MediatorKind.PEER && mediatedBy == MediatedBy.COORDINATORS) {
            return Optional.of(new MediationRefused(
                    "peer-mediation-not-allowed",
                    "A case with an adult party or a safeguarding concern is not mediated by students"));
        }
        if (candidate.kind() == MediatorKind.PEER && !candidate.certified()) {
            return Optional.of(new MediationRefused("mediator-not-certified", "Only certified members mediate"));
        }
        if (parties.stream().anyMatch(p -> p.isUser(candidate.userId()))) {
            return Optional.of(new MediationRefused("mediator-is-a-party", "A mediator is never a party"));
        }
        if (conflictedMediators.contains(candidate.userId())) {
            return Optional.of(new MediationRefused(
                    "mediator-conflict-of-interest", "The mediator declared a conflict of interest in this case"));
        }
        if (objectedMediators.contains(candidate.userId())) {
            return Optional.of(new MediationRefused("mediator-objected-by-party", "A party objected to this mediator"));
        }
        Optional<SchoolClass> mediatorClass =
                Optional.ofNullable(candidate.schoolClass()).or(() -> directory.classOf(candidate.userId()));
        if (mediatorClass.isPresent()
                && parties.stream()
                        .map(Party::userId)
                        .filter(Objects::nonNull)
                        .map(directory::classOf)
                        .anyMatch(mediatorClass::equals)) {
            return Optional.of(new MediationRefused(
                    "mediator-in-party-class", "A mediator is never from the same class as a party"));
        }
        return Optional.empty();
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
        Party named = party(partyId);
        if (named.userId() != null) {
            throw new MediationRefused("party-already-identified", "The party is already a person of the directory");
        }
        if (parties.stream().anyMatch(p -> p.isUser(person.userId()))) {
            throw new MediationRefused("party-listed-twice", "Each party is listed once");
        }
        if (isAssignedMediator(person.userId())) {
            throw new MediationRefused("mediator-is-a-party", "A mediator is never a party");
        }
        Optional<SchoolClass> partyClass = directory.classOf(person.userId());
        if (partyClass.isPresent()
                && mediators.stream().map(m -> directory.classOf(m.userId())).anyMatch(partyClass::equals)) {
            throw new MediationRefused("mediator-in-party-class", "A mediator is never from the same class as a party");
        }
        parties.set(
                parties.indexOf(named),
                new Party(
                        partyId,
                        person.userId(),
                        person.adult(),
                        person.adult() ? null : person.grade(),
                        named.name()));
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
        if (mediatedBy != MediatedBy.PEER_MEDIATORS || !hasAdultParty()) {
            return List.of();
        }
        mediatedBy = MediatedBy.COORDINATORS;
        List<MediationEvent> events = new ArrayList<>();
        for (Mediator peer :
                mediators.stream().filter(m -> m.kind() == MediatorKind.PEER).toList()) {
            events.addAll(unassign(peer.userId(), UnassignmentReason.BY_COORDINATOR, now));
        }
        if (status == TRIAGED && !mediators.isEmpty() && mediators.size() >= requiredMediators()) {
            // A coordinator already on the team now suffices: one coordinator mediates alone.
            status = MEDIATORS_ASSIGNED;
        }
        return events;
    }

    /** Co-mediation by two young mediators is the default; a coordinator mediates alone. */
    public int requiredMediators() {
        return mediatedBy == MediatedBy.COORDINATORS ? 1 : settings.mediatorsPerCase();
    }

    /** A mediator (assigned or proposed) declares a conflict of interest: they never mediate this case. */
    public List<MediationEvent> declareConflictOfInterest(Actor mediator, Instant now) {
        requireOpen();
        conflictedMediators.add(mediator.userId());
        if (isAssignedMediator(mediator.userId())) {
            return unassign(mediator.userId(), UnassignmentReason.CONFLICT_OF_INTEREST, now);
        }
        return List.of();
    }

    /** A party objects to a mediator, which takes the mediator off the case for good. */
    public List<MediationEvent> object(Actor party, String mediatorId, Instant now) {
        requireOpen();
        partyOf(party).orElseThrow(() -> new ActorRefused("only-a-party-objects", "Only a party objects"));
        if (!isAssignedMediator(mediatorId)) {
            throw new MediationRefused("mediator-not-assigned", "The mediator is not assigned to this case");
        }
        objectedMediators.add(mediatorId);
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
        if (!isAssignedMediator(mediatorId)) {
            throw new MediationRefused("mediator-not-assigned", "The mediator is not assigned to this case");
        }
        return unassign(mediatorId, UnassignmentReason.BY_COORDINATOR, now);
    }

    /**
     * Takes a mediator off the case. When the team is left incomplete, the case goes back to triage:
     * the parties consented to mediation by that team, so a new team asks them again, and the
     * sessions still to come (planned with the old team and consent) are cancelled.
     */
    private List<MediationEvent> unassign(String mediatorId, UnassignmentReason reason, Instant now) {
        mediators.removeIf(m -> m.userId().equals(mediatorId));
        List<MediationEvent> events = new ArrayList<>();
        boolean teamBroken = WITH_A_TEAM.contains(status) && mediators.size() < requiredMediators();
        if (teamBroken) {
            status = TRIAGED;
            consents.clear();
        }
        events.add(new MediatorUnassigned(UUID.randomUUID(), schoolId, now, id, mediatorId, reason, status));
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
    private ConsentRequested consentRequested(Instant now) {
        return new ConsentRequested(
                UUID.randomUUID(),
                schoolId,
                now,
                id,
                userIdsOf(parties),
                userIdsOf(parties.stream()
                        .filter(p -> p.needsGuardianConsent(settings))
                        .toList()),
                parties.size());
    }

    private static List<String> userIdsOf(Collection<Party> some) {
        return some.stream().map(Party::userId).filter(Objects::nonNull).toList();
    }

    private List<String> participantUserIds(Session session) {
        return userIdsOf(parties.stream()
                .filter(p -> session.participants().contains(p.id()))
                .toList());
    }

    private List<String> mediatorIds() {
        return mediators.stream().map(Mediator::userId).toList();
    }

    /**
     * A party (or their guardian) answers: in the app themselves, or through a coordinator who notes
     * how the answer was given. Mediation starts when every answer is yes; a single no ends it.
     */
    public List<MediationEvent> answerConsent(
            Actor actor,
            UUID partyId,
            boolean guardian,
            boolean given,
            String note,
            SchoolDirectory directory,
            Instant now) {
        requireStatus(EnumSet.of(AWAITING_CONSENT), "not-awaiting-consent");
        Party party = party(partyId);
        boolean onBehalf;
        if (guardian) {
            if (!party.needsGuardianConsent(settings)) {
                throw new MediationRefused(
                        "guardian-consent-not-required", "This party does not need a guardian's consent");
            }
            onBehalf = !(party.userId() != null && directory.isGuardianOf(actor.userId(), party.userId()));
        } else {
            onBehalf = !party.isUser(actor.userId());
        }
        if (onBehalf && !(actor.coordinator() && note != null && !note.isBlank())) {
            throw refusedActor(
                    actor,
                    "nobody-consents-for-another",
                    "Consent is given by the person themselves, or noted by a coordinator on their behalf");
        }
        if (consents.stream().anyMatch(c -> c.partyId().equals(partyId) && c.guardian() == guardian)) {
            throw new MediationRefused("consent-already-recorded", "This answer is already recorded");
        }
        consents.add(new Consent(partyId, guardian, given, actor.userId(), onBehalf, onBehalf ? note : null, now));
        if (!given) {
            List<MediationEvent> events = new ArrayList<>();
            events.add(new ConsentRefused(UUID.randomUUID(), schoolId, now, id, partyId, guardian, onBehalf));
            events.addAll(close(Outcome.CONSENT_REFUSED, now));
            return events;
        }
        if (everyConsentGiven()) {
            status = IN_MEDIATION;
        }
        return List.of(new ConsentGiven(UUID.randomUUID(), schoolId, now, id, partyId, guardian, onBehalf, status));
    }

    public boolean everyConsentGiven() {
        return parties.stream()
                .allMatch(p -> consentGiven(p.id(), false)
                        && (!p.needsGuardianConsent(settings) || consentGiven(p.id(), true)));
    }

    private boolean consentGiven(UUID partyId, boolean guardian) {
        return consents.stream().anyMatch(c -> c.partyId().equals(partyId) && c.guardian() == guardian && c.given());
    }

    /**
     * Any party may leave at any moment before closure; the case ends as {@code WITHDRAWN}, its
     * sessions still to come are cancelled, and the events do not say who left.
     */
    public List<MediationEvent> withdraw(Actor actor, UUID onBehalfOf, String note, Instant now) {
        if (!status.isOpen()) {
            throw new MediationRefused("case-not-open", "The case is already closed");
        }
        boolean self = partyOf(actor).isPresent();
        boolean forParty = actor.coordinator()
                && onBehalfOf != null
                && parties.stream().anyMatch(p -> p.id().equals(onBehalfOf))
                && note != null
                && !note.isBlank();
        if (!self && !forParty) {
            throw refusedActor(
                    actor, "only-a-party-withdraws", "A party withdraws, or a coordinator notes it on their behalf");
        }
        MediationStatus from = status;
        status = WITHDRAWN;
        outcome = Outcome.WITHDRAWN;
        closedAt = now;
        List<MediationEvent> events = new ArrayList<>();
        events.add(new PartyWithdrew(UUID.randomUUID(), schoolId, now, id, from));
        events.addAll(cancelSessionsToCome(now));
        events.add(
                new CaseClosed(UUID.randomUUID(), schoolId, now, id, WITHDRAWN, Outcome.WITHDRAWN, submitterToTell()));
        return events;
    }

    // ---- sessions --------------------------------------------------------------------------

    public List<MediationEvent> scheduleSession(
            Actor actor, SessionKind kind, Instant startsAt, String place, Set<UUID> participants, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        for (UUID participant : participants) {
            party(participant);
        }
        if (kind == SessionKind.INDIVIDUAL && participants.size() != 1) {
            throw new MediationRefused("individual-session-has-one-party", "An individual session has one party");
        }
        if (kind == SessionKind.JOINT && participants.size() < 2) {
            throw new MediationRefused("joint-session-has-parties", "A joint session has at least two parties");
        }
        Session session = new Session(UUID.randomUUID(), kind, startsAt, place, participants, false, null);
        sessions.add(session);
        return List.of(new SessionScheduled(
                UUID.randomUUID(),
                schoolId,
                now,
                id,
                session.id(),
                kind,
                startsAt,
                participants.size(),
                participantUserIds(session),
                mediatorIds()));
    }

    public List<MediationEvent> cancelSession(Actor actor, UUID sessionId, Instant now) {
        requireCaseWorker(actor);
        requireOpen();
        Session session = session(sessionId);
        if (session.cancelled()) {
            throw new MediationRefused("session-already-cancelled", "The session is already cancelled");
        }
        sessions.set(sessions.indexOf(session), session.cancel());
        return List.of(new SessionCancelled(
                UUID.randomUUID(), schoolId, now, id, sessionId, participantUserIds(session), mediatorIds()));
    }

    /**
     * Sessions are held only while the case is in mediation: when it ends (withdrawal, closure, no
     * agreement) or loses the team the parties consented to, every session still to come is
     * cancelled, each with its event, so that nobody is reminded of or comes to a session that will
     * not take place. Sessions that already started stay as they were.
     */
    private List<MediationEvent> cancelSessionsToCome(Instant now) {
        List<MediationEvent> events = new ArrayList<>();
        for (Session session : List.copyOf(sessions)) {
            if (!session.cancelled() && session.startsAt().isAfter(now)) {
                sessions.set(sessions.indexOf(session), session.cancel());
                events.add(new SessionCancelled(
                        UUID.randomUUID(),
                        schoolId,
                        now,
                        id,
                        session.id(),
                        participantUserIds(session),
                        mediatorIds()));
            }
        }
        return events;
    }

    /** Session notes are confidential: no event carries them. */
    public List<MediationEvent> recordSessionNotes(Actor actor, UUID sessionId, String notes) {
        requireCaseWorker(actor);
        requireOpen();
        Session session = session(sessionId);
        sessions.set(sessions.indexOf(session), session.withNotes(notes));
        return List.of();
    }

    // ---- agreement (cooperation, ownership) --------------------------------------------------

    /**
     * The team writes down the parties' mutual commitments: each owned by a party, and every party
     * owning at least one. Changing the terms voids every signature given so far.
     */
    public List<MediationEvent> writeAgreement(Actor actor, List<Commitment> commitments, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(IN_MEDIATION), "mediation-not-in-progress");
        for (Commitment commitment : commitments) {
            party(commitment.partyId());
        }
        for (Party party : parties) {
            if (commitments.stream().noneMatch(c -> c.partyId().equals(party.id()))) {
                throw new MediationRefused("agreement-not-mutual", "An agreement holds commitments of every party");
            }
            if (party.userId() == null) {
                throw new MediationRefused(
                        "party-cannot-sign", "Every party signs in the app; a party without an account cannot");
            }
        }
        agreement = new Agreement(commitments, Map.of());
        return List.of(
                new AgreementProposed(UUID.randomUUID(), schoolId, now, id, userIdsOf(parties), commitments.size()));
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
        if (agreement.isSignedBy(party.id())) {
            throw new MediationRefused("agreement-already-signed", "The party has already signed");
        }
        Map<UUID, Instant> signatures = new HashMap<>(agreement.signatures());
        signatures.put(party.id(), now);
        agreement = new Agreement(agreement.commitments(), signatures);
        if (!isAgreementInForce()) {
            return List.of();
        }
        status = AGREEMENT_REACHED;
        followUpDate = LocalDate.ofInstant(now, settings.timeZone()).plusDays(settings.followUpDays());
        return List.of(new AgreementSignedByAll(
                UUID.randomUUID(), schoolId, now, id, agreement.commitments().size(), followUpDate));
    }

    /** An agreement is in force only when every party has signed it. */
    public boolean isAgreementInForce() {
        return agreement != null && parties.stream().allMatch(p -> agreement.isSignedBy(p.id()));
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
        events.add(new NoAgreementReached(UUID.randomUUID(), schoolId, now, id));
        events.addAll(cancelSessionsToCome(now));
        return events;
    }

    // ---- follow-up (future) ----------------------------------------------------------------

    /** On the follow-up date the team checks how the agreement is kept. */
    public List<MediationEvent> followUpDue(Instant now) {
        requireStatus(EnumSet.of(AGREEMENT_REACHED), "no-agreement-in-force");
        if (LocalDate.ofInstant(now, settings.timeZone()).isBefore(followUpDate)) {
            throw new MediationRefused("follow-up-not-due", "The follow-up date has not come yet");
        }
        status = FOLLOW_UP;
        return List.of(new FollowUpDue(UUID.randomUUID(), schoolId, now, id, followUpDate));
    }

    public List<MediationEvent> recordFollowUp(Actor actor, FollowUpResult result, Instant now) {
        requireCaseWorker(actor);
        requireStatus(EnumSet.of(FOLLOW_UP), "follow-up-not-due");
        followUpResult = result;
        return List.of(new FollowUpRecorded(UUID.randomUUID(), schoolId, now, id, result));
    }

    /** An agreement that was not kept can bring the parties back to mediation, if they consent again. */
    public List<MediationEvent> reopen(Actor actor, Instant now) {
        requireCaseWorker(actor);
        if (status != FOLLOW_UP || followUpResult != FollowUpResult.NOT_KEPT) {
            throw new MediationRefused("reopen-needs-agreement-not-kept", "Only an agreement not kept reopens");
        }
        agreement = null;
        followUpDate = null;
        followUpResult = null;
        consents.clear();
        status = mediators.size() >= requiredMediators() ? AWAITING_CONSENT : TRIAGED;
        MediationReopened reopened = new MediationReopened(UUID.randomUUID(), schoolId, now, id);
        return status == AWAITING_CONSENT ? List.of(reopened, consentRequested(now)) : List.of(reopened);
    }

    /**
     * Closes the case with its outcome: after the follow-up is recorded, after no agreement, or (by a
     * coordinator) an escalated case handled outside mediation.
     */
    public List<MediationEvent> close(Actor actor, Instant now) {
        requireCaseWorker(actor);
        requireOpen();
        if (status == FOLLOW_UP && followUpResult != null) {
            return close(followUpResult.outcome(), now);
        }
        if (status == NO_AGREEMENT) {
            return close(Outcome.NO_AGREEMENT, now);
        }
        if (escalated && actor.coordinator() && status.isOpen()) {
            return close(Outcome.ESCALATED, now);
        }
        throw new MediationRefused("case-not-ready-to-close", "The case cannot be closed in its current state");
    }

    /** Ends the case with its outcome; the sessions still to come are cancelled first. */
    private List<MediationEvent> close(Outcome result, Instant now) {
        status = CLOSED;
        outcome = result;
        closedAt = now;
        List<MediationEvent> events = new ArrayList<>(cancelSessionsToCome(now));
        events.add(new CaseClosed(UUID.randomUUID(), schoolId, now, id, CLOSED, result, submitterToTell()));
        return events;
    }

    /**
     * Whoever submitted the request online is told its status; a request recorded in person names
     * the coordinator who typed it, and one from the trust box stays anonymous: nobody to tell.
     */
    private String submitterToTell() {
        return channel == Channel.ONLINE_FORM ? submittedBy : null;
    }

    // ---- retention ---------------------------------------------------------------------------

    /** What purged text reads as: the facts of the case stay, its words do not. */
    public static final String PURGED = "—";

    /** A coordinator stops the purge of this case's text, e.g. for a legal proceeding. */
    public List<MediationEvent> placeLegalHold(Actor coordinator) {
        requireCoordinator(coordinator);
        if (purgedAt != null) {
            throw new MediationRefused("case-already-purged", "The case's text was already purged");
        }
        legalHold = true;
        return List.of();
    }

    public List<MediationEvent> releaseLegalHold(Actor coordinator) {
        requireCoordinator(coordinator);
        legalHold = false;
        return List.of();
    }

    /** True when the retention period after closure has passed and no legal hold stops the purge. */
    public boolean isDueForPurge(Duration retention, Instant now) {
        return !status.isOpen()
                && closedAt != null
                && purgedAt == null
                && !legalHold
                && !closedAt.plus(retention).isAfter(now);
    }

    /**
     * Removes every confidential text of a closed case after the retention period: narratives,
     * reasons, names, notes and terms. Statuses, counts and dates stay for the statistics. A session
     * still to come (of a case closed before closing cancelled them) is cancelled too.
     *
     * @return the events of the purge (sessions cancelled), or empty when the case is not due
     */
    public Optional<List<MediationEvent>> purge(Duration retention, Instant now) {
        if (!isDueForPurge(retention, now)) {
            return Optional.empty();
        }
        List<MediationEvent> events = cancelSessionsToCome(now);
        description = null;
        triageReason = null;
        List<Party> anonymous = parties.stream()
                .map(p -> p.name() == null ? p : new Party(p.id(), p.userId(), p.adult(), p.grade(), PURGED))
                .toList();
        parties.clear();
        parties.addAll(anonymous);
        consents.replaceAll(
                c -> new Consent(c.partyId(), c.guardian(), c.given(), c.recordedBy(), c.onBehalf(), null, c.at()));
        sessions.replaceAll(x -> x.withNotes(null));
        if (agreement != null) {
            agreement = new Agreement(
                    agreement.commitments().stream()
                            .map(c -> new Commitment(c.partyId(), PURGED))
                            .toList(),
                    agreement.signatures());
        }
        purgedAt = now;
        return Optional.of(events);
    }

    public boolean legalHold() {
        return legalHold;
    }

    public Optional<Instant> purgedAt() {
        return Optional.ofNullable(purgedAt);
    }

    // ---- confidentiality ---------------------------------------------------------------------

    /**
     * What the given person may see of this case. Coordinators of the school see everything; a
     * mediator sees the case work only while assigned; a party sees the status, the agreement and
     * their own submission; whoever referred the case sees its status.
     */
    public Visibility visibilityFor(Actor actor) {
        if (actor.coordinator()) {
            return Visibility.COORDINATOR;
        }
        if (isAssignedMediator(actor.userId())) {
            return Visibility.MEDIATOR;
        }
        if (partyOf(actor).isPresent()) {
            return Visibility.PARTY;
        }
        if (Objects.equals(submittedBy, actor.userId())) {
            return Visibility.STATUS;
        }
        return Visibility.NONE;
    }

    /**
     * As above, and a guardian whose consent the school's settings ask for a party (their child, as
     * the directory links them) sees what that consent needs: at least {@link Visibility#GUARDIAN}.
     */
    public Visibility visibilityFor(Actor actor, SchoolDirectory directory) {
        Visibility visibility = visibilityFor(actor);
        if (visibility.atLeast(Visibility.GUARDIAN) || wardsOf(actor, directory).isEmpty()) {
            return visibility;
        }
        return Visibility.GUARDIAN;
    }

    /** The parties whose guardian's consent the school asks for, and whose guardian the actor is. */
    public List<Party> wardsOf(Actor actor, SchoolDirectory directory) {
        return parties.stream()
                .filter(p -> p.userId() != null
                        && p.needsGuardianConsent(settings)
                        && directory.isGuardianOf(actor.userId(), p.userId()))
                .toList();
    }

    /** The guardian's answer for a party, if given: empty while it is awaited. */
    public Optional<Boolean> guardianConsentOf(UUID partyId) {
        return consents.stream()
                .filter(c -> c.partyId().equals(partyId) && c.guardian())
                .map(Consent::given)
                .findFirst();
    }

    /** Only the submitter, the team and the coordinators read the narrative of the request. */
    public boolean mayReadDescription(Actor actor) {
        Visibility visibility = visibilityFor(actor);
        return visibility.atLeast(Visibility.MEDIATOR)
                || (visibility == Visibility.PARTY && Objects.equals(submittedBy, actor.userId()));
    }

    // ---- rules shared by the commands --------------------------------------------------------

    public boolean isAssignedMediator(String userId) {
        return mediators.stream().anyMatch(m -> m.userId().equals(userId));
    }

    public Optional<Party> partyOf(Actor actor) {
        return parties.stream().filter(p -> p.isUser(actor.userId())).findFirst();
    }

    private Party party(UUID partyId) {
        return parties.stream()
                .filter(p -> p.id().equals(partyId))
                .findFirst()
                .orElseThrow(() -> new MediationRefused("unknown-party", "No such party in this case"));
    }

    private Session session(UUID sessionId) {
        return sessions.stream()
                .filter(s -> s.id().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new MediationRefused("unknown-session", "No such session in this case"));
    }

    private boolean hasAdultParty() {
        return parties.stream().anyMatch(Party::adult);
    }

    /**
     * Someone who may never do this for another is refused as such (403); a coordinator, who may act on
     * a party's behalf, is refused only for what the command lacks (the party, the note): 409.
     */
    private static MediationRefused refusedActor(Actor actor, String reason, String rule) {
        return actor.coordinator() ? new MediationRefused(reason, rule) : new ActorRefused(reason, rule);
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
        if (!status.isOpen()) {
            throw new MediationRefused("case-not-open", "The case is already closed");
        }
        if (!allowed.contains(status)) {
            throw new MediationRefused(reason, "Not possible while the case is " + status);
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public Channel channel() {
        return channel;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Optional<String> preferredLanguage() {
        return Optional.ofNullable(preferredLanguage);
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public List<Party> parties() {
        return List.copyOf(parties);
    }

    public String description() {
        return description;
    }

    public MediationStatus status() {
        return status;
    }

    public Optional<TriageDecision> triageDecision() {
        return Optional.ofNullable(triageDecision);
    }

    public Optional<String> triageReason() {
        return Optional.ofNullable(triageReason);
    }

    public Optional<MediatedBy> mediatedBy() {
        return Optional.ofNullable(mediatedBy);
    }

    public boolean escalated() {
        return escalated;
    }

    public List<Mediator> mediators() {
        return List.copyOf(mediators);
    }

    public List<Consent> consents() {
        return List.copyOf(consents);
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public Optional<Agreement> agreement() {
        return Optional.ofNullable(agreement);
    }

    public Optional<LocalDate> followUpDate() {
        return Optional.ofNullable(followUpDate);
    }

    public Optional<FollowUpResult> followUpResult() {
        return Optional.ofNullable(followUpResult);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
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
