package kz.senim.cases.mediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.senim.cases.audit.AuditTrail;
import kz.senim.cases.audit.domain.AuditEntry;
import kz.senim.cases.audit.domain.AuditEntry.Action;
import kz.senim.cases.directory.Person;
import kz.senim.cases.directory.SchoolPeople;
import kz.senim.cases.directory.SchoolPeople.MediatorLoad;
import kz.senim.cases.mediation.domain.Asker;
import kz.senim.cases.mediation.domain.Channel;
import kz.senim.cases.mediation.domain.Commitment;
import kz.senim.cases.mediation.domain.ConsentAnswer;
import kz.senim.cases.mediation.domain.FollowUpResult;
import kz.senim.cases.mediation.domain.MediatedBy;
import kz.senim.cases.mediation.domain.Mediation;
import kz.senim.cases.mediation.domain.MediationEvent;
import kz.senim.cases.mediation.domain.MediationRefused;
import kz.senim.cases.mediation.domain.MediationStatus;
import kz.senim.cases.mediation.domain.MediatorCandidate;
import kz.senim.cases.mediation.domain.MediatorKind;
import kz.senim.cases.mediation.domain.Party;
import kz.senim.cases.mediation.domain.Session;
import kz.senim.cases.mediation.domain.SessionKind;
import kz.senim.cases.mediation.domain.TriageDecision;
import kz.senim.cases.mediation.domain.Urgency;
import kz.senim.cases.mediation.domain.Visibility;
import kz.senim.cases.mediation.persistence.MediationRepository;
import kz.senim.cases.school.domain.Actor;
import kz.senim.cases.school.domain.SchoolDirectory;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mediation cases for the people of a school: every command loads the case of the caller's
 * school, hides it (404) from whoever may not see it, lets the domain decide, stores the result,
 * publishes the events through the outbox and writes the audit trail, in one transaction.
 */
@Service
public class Mediations {

    static final String SUBJECT = "CASE";
    /** The actor of the audit entries the follow-up reminder writes. */
    static final String FOLLOW_UP_REMINDER = "senim:follow-up-reminder";
    /** The actor of the audit entries the retention purge writes. */
    static final String RETENTION = "senim:retention";
    /** The actor of the audit entries written when a mediator leaves the school. */
    static final String DIRECTORY = "senim:directory";
    /** The sort keys of the list of cases ({@code sort=submittedAt,desc}). */
    public static final Map<String, String> SORTS = MediationRepository.SORTS;

    /** The kind of resource an {@code Idempotency-Key} of {@code POST /api/cases} creates (decision 70). */
    static final String IDEMPOTENCY_KIND = "case";

    private final MediationRepository cases;
    private final SchoolPeople people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SchoolSettingsService settings;
    private final JdbcClient jdbc;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    Mediations(
            MediationRepository cases,
            SchoolPeople people,
            AuditTrail audit,
            ApplicationEventPublisher events,
            SchoolSettingsService settings,
            JdbcClient jdbc,
            IdempotentRequests idempotent,
            Clock clock) {
        this.cases = cases;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.jdbc = jdbc;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    /** A party named in a request: someone of the school directory, or a named person without an account. */
    public record NamedParty(String userId, String name, Boolean adult, Integer grade) {}

    /** A mediation request as its submitter wrote it. */
    public record Submission(
            Channel channel,
            Urgency urgency,
            @Nullable String preferredLanguage,
            List<NamedParty> parties,
            String description) {}

    /** A new mediation request; with an idempotency key, a retry answers the first request's case. */
    @Transactional
    public StoredMediation submit(CurrentUser caller, Submission submission, @Nullable String idempotencyKey) {
        Channel channel = submission.channel();
        String school = schoolOf(caller);
        Optional<String> earlier = idempotent.earlier(caller.id(), IDEMPOTENCY_KIND, idempotencyKey);
        if (earlier.isPresent()) {
            return cases.find(school, UUID.fromString(earlier.get())).orElseThrow(() -> new ResourceNotFound("Case"));
        }
        if (channel == Channel.IN_PERSON && !caller.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only a coordinator records a request received in person");
        }
        if (channel == Channel.TRUST_BOX) {
            throw new StateConflict("channel-not-submittable", "Trust-box cases are opened from the trust box");
        }
        if (!(caller.has(Role.STUDENT)
                || caller.has(Role.TEACHER)
                || caller.has(Role.PARENT)
                || caller.has(Role.COORDINATOR))) {
            throw new AccessDeniedException("Students, teachers, parents and coordinators submit requests");
        }
        List<Party> parties = new ArrayList<>();
        for (NamedParty party : submission.parties()) {
            if (party.userId() != null) {
                Person person = people.person(school, party.userId())
                        .orElseThrow(() -> new StateConflict(
                                "party-not-in-directory", "A party is not in the school's directory"));
                parties.add(new Party(
                        UUID.randomUUID(),
                        person.userId(),
                        !person.isStudent(),
                        person.isStudent() ? person.grade() : null,
                        null));
            } else {
                boolean adult = Boolean.TRUE.equals(party.adult());
                parties.add(new Party(UUID.randomUUID(), null, adult, adult ? null : party.grade(), party.name()));
            }
        }
        Instant now = clock.instant();
        Mediation mediation = Mediation.submit(
                school,
                channel,
                submission.urgency(),
                submission.preferredLanguage(),
                caller.id(),
                parties,
                submission.description(),
                settings.inForce(school).mediation(),
                now);
        cases.insert(mediation);
        idempotent.remember(
                caller.id(), IDEMPOTENCY_KIND, idempotencyKey, mediation.id().toString());
        events.publishEvent(
                mediation.submitted(userId -> people.person(school, userId).map(Person::role)));
        audit.append(school, caller.id(), Action.CHANGE, SUBJECT, mediation.id().toString());
        return cases.find(school, mediation.id()).orElseThrow();
    }

    /**
     * An anonymous case opened by a coordinator from a trust-box conversation its sender agreed to
     * open, in the caller's transaction; returns its id.
     */
    @Transactional
    public UUID openFromTrustBox(String schoolId, String coordinatorId, Urgency urgency, String description) {
        Mediation mediation = Mediation.fromTrustBox(
                schoolId, urgency, description, settings.inForce(schoolId).mediation(), clock.instant());
        cases.insert(mediation);
        events.publishEvent(mediation.submitted(userId -> Optional.empty())); // parties not named
        audit.append(
                schoolId, coordinatorId, Action.CHANGE, SUBJECT, mediation.id().toString());
        return mediation.id();
    }

    /** A case as the caller may see it; reading its confidential text is audited. */
    @Transactional
    public Seen get(UUID id, CurrentUser caller) {
        String school = schoolOf(caller);
        StoredMediation stored = cases.find(school, id).orElseThrow(() -> new ResourceNotFound("Case"));
        // Whose consent is asked (a guardian's) follows the school's settings in force.
        stored.mediation().followSettings(settings.inForce(school).mediation());
        Seen seen = seen(stored, caller);
        if (seen.visibility() == Visibility.NONE) {
            throw new ResourceNotFound("Case");
        }
        if (seen.showsConfidentialText()) {
            audit.append(school, caller.id(), Action.READ_CONFIDENTIAL, SUBJECT, id.toString());
        }
        return seen;
    }

    /**
     * What the caller may see of a case: as a coordinator, mediator, party or referrer, or as the
     * guardian whose consent the school asks for a party (the people directory links them).
     */
    public Seen seen(StoredMediation stored, CurrentUser caller) {
        Actor actor = actor(caller);
        Mediation mediation = stored.mediation();
        SchoolDirectory directory = people.of(mediation.schoolId());
        List<UUID> wards = mediation.confidentiality().wardsOf(actor, directory).stream()
                .map(Party::id)
                .toList();
        return new Seen(stored, mediation.confidentiality().visibilityFor(actor, directory), actor, wards);
    }

    /**
     * A case with what the caller may see of it.
     *
     * @param wards the parties whose guardian's consent the school asks for and whose guardian the viewer is
     */
    public record Seen(StoredMediation stored, Visibility visibility, Actor viewer, List<UUID> wards) {
        public Seen(StoredMediation stored, Visibility visibility, Actor viewer) {
            this(stored, visibility, viewer, List.of());
        }

        public boolean showsConfidentialText() {
            return visibility.atLeast(Visibility.MEDIATOR)
                    || stored.mediation().confidentiality().mayReadDescription(viewer)
                    || (visibility.atLeast(Visibility.PARTY)
                            && stored.mediation().agreement().isPresent());
        }
    }

    /**
     * What a list line says about who asked and how many people the request is between, as kinds and counts:
     * to a coordinator, and to whoever asked (they know it), never to a party, a mediator or a guardian.
     */
    @Transactional(readOnly = true)
    public Optional<Request> requestSeenBy(StoredMediation stored, CurrentUser caller) {
        Mediation mediation = stored.mediation();
        boolean asker = mediation.request().channel() == Channel.ONLINE_FORM
                && caller.id().equals(mediation.request().submittedBy());
        if (!caller.has(Role.COORDINATOR) && !asker) {
            return Optional.empty();
        }
        Optional<String> role = mediation.request().channel() == Channel.ONLINE_FORM
                ? people.person(mediation.schoolId(), mediation.request().submittedBy())
                        .map(Person::role)
                : Optional.empty();
        return Optional.of(new Request(
                Asker.of(mediation.request().channel(), role),
                mediation.parties().size()));
    }

    /** Who asked, as a kind, and how many parties the request names. */
    public record Request(Asker askedBy, int partyCount) {}

    /**
     * The next session of a case that the caller would see on the case itself (the team every session, a
     * party those they take part in), not cancelled and not begun: what a home page says of "my next meeting".
     */
    @Transactional(readOnly = true)
    public Optional<Session> nextSessionSeenBy(StoredMediation stored, CurrentUser caller) {
        Mediation mediation = stored.mediation();
        Instant now = clock.instant();
        List<Session> toCome = mediation.sessions().stream()
                .filter(session -> !session.cancelled() && !session.startsAt().isBefore(now))
                .toList();
        if (toCome.isEmpty()) {
            return Optional.empty();
        }
        Seen seen = seen(stored, caller);
        if (!seen.visibility().atLeast(Visibility.PARTY)) {
            return Optional.empty();
        }
        boolean team = seen.visibility().atLeast(Visibility.MEDIATOR);
        Optional<UUID> party = mediation.partyOf(seen.viewer()).map(Party::id);
        return toCome.stream()
                .filter(session ->
                        team || party.map(session.participants()::contains).orElse(false))
                .min(java.util.Comparator.comparing(Session::startsAt));
    }

    /**
     * Coordinators page through every case of their school; anyone else through the cases they are part of,
     * a guardian also through those of their child that ask for their consent (decision 140). Each case
     * follows the school's settings in force, as when it is opened, so a line says what the case would.
     */
    @Transactional(readOnly = true)
    public Page<StoredMediation> list(CurrentUser caller, CaseFilter filter, PageQuery page) {
        String school = schoolOf(caller);
        var inForce = settings.inForce(school).mediation();
        Page<StoredMediation> found;
        if (caller.has(Role.COORDINATOR)) {
            found = cases.school(school, filter, page);
        } else {
            List<String> children =
                    people.person(school, caller.id()).map(Person::guardianOf).orElse(List.of());
            found = cases.involving(
                    school,
                    caller.id(),
                    new MediationRepository.Wards(children, inForce.guardianConsentBelowGrade()),
                    filter,
                    page);
        }
        found.content().forEach(stored -> stored.mediation().followSettings(inForce));
        return found;
    }

    /**
     * What a list line says of the caller's own part in a case: whether they see it only as the guardian of a
     * party (their child), and whether the case waits for their answer to the request for consent — as a party who has
     * not answered, or as a guardian who has not answered for their child.
     */
    @Transactional(readOnly = true)
    public YourPart yourPart(StoredMediation stored, CurrentUser caller) {
        Mediation mediation = stored.mediation();
        boolean asking = mediation.status() == MediationStatus.AWAITING_CONSENT;
        if (!asking && mediation.confidentiality().visibilityFor(actor(caller)).atLeast(Visibility.GUARDIAN)) {
            // Not seen as a guardian only, and no answer is asked: no need to ask the directory, line by line.
            return new YourPart(false, false);
        }
        Seen seen = seen(stored, caller);
        boolean asParty = mediation
                .partyOf(seen.viewer())
                .map(party ->
                        mediation.consents().stream().noneMatch(c -> c.partyId().equals(party.id()) && !c.guardian()))
                .orElse(false);
        boolean forChild = seen.wards().stream()
                .anyMatch(ward -> mediation.guardianConsentOf(ward).isEmpty());
        return new YourPart(seen.visibility() == Visibility.GUARDIAN, asking && (asParty || forChild));
    }

    /** The caller's part in a case, as a list line says it. */
    public record YourPart(boolean asGuardian, boolean awaitingYourConsent) {}

    /** The certified mediators (or, for cases coordinators mediate, the coordinators) the case may have, with their load. */
    @Transactional(readOnly = true)
    public List<MediatorLoad> eligibleMediators(UUID id, CurrentUser caller) {
        String school = schoolOf(caller);
        requireCoordinator(caller);
        Mediation mediation = caseOfSchool(school, id);
        SchoolDirectory directory = people.of(school);
        List<MediatorLoad> pool =
                mediatedByCoordinators(mediation) ? people.coordinators(school) : people.certifiedMediators(school);
        return pool.stream()
                .filter(m -> mediation
                        .whyNotEligible(candidate(school, m.userId()), directory)
                        .isEmpty())
                .toList();
    }

    private Mediation caseOfSchool(String school, UUID id) {
        return cases.find(school, id)
                .orElseThrow(() -> new ResourceNotFound("Case"))
                .mediation();
    }

    private static boolean mediatedByCoordinators(Mediation mediation) {
        return mediation.team().mediatedBy() == MediatedBy.COORDINATORS;
    }

    /**
     * Every mediator a coordinator might think of for the case, eligible or not, with the neutrality
     * rule that keeps each ineligible one out: the school's active club members (or, for cases
     * coordinators mediate, its coordinators).
     */
    @Transactional(readOnly = true)
    public List<Candidate> mediatorCandidates(UUID id, CurrentUser caller) {
        String school = schoolOf(caller);
        requireCoordinator(caller);
        Mediation mediation = caseOfSchool(school, id);
        SchoolDirectory directory = people.of(school);
        List<MediatorLoad> pool =
                mediatedByCoordinators(mediation) ? people.coordinators(school) : people.activeMembers(school);
        return pool.stream()
                .map(m -> new Candidate(
                        m.userId(),
                        m.openCases(),
                        mediation
                                .whyNotEligible(candidate(school, m.userId()), directory)
                                .map(MediationRefused::reason)
                                .orElse(null)))
                .sorted(java.util.Comparator.comparing((Candidate c) -> !c.eligible())
                        .thenComparing(Candidate::openCases))
                .toList();
    }

    /** A possible mediator of a case: eligible when {@code reason} is null, else the rule that refuses them. */
    public record Candidate(String userId, int openCases, boolean eligible, String reason) {
        Candidate(String userId, int openCases, String reason) {
            this(userId, openCases, reason == null, reason);
        }
    }

    /** A coordinator links a party named in the request to the person of the school directory they are. */
    @Transactional
    public StoredMediation identifyParty(
            UUID id, CurrentUser caller, @Nullable String ifMatch, UUID partyId, String userId) {
        String school = schoolOf(caller);
        requireCoordinator(caller);
        Person person = people.person(school, userId)
                .orElseThrow(
                        () -> new StateConflict("party-not-in-directory", "A party is not in the school's directory"));
        Party asKnown = new Party(
                partyId, person.userId(), !person.isStudent(), person.isStudent() ? person.grade() : null, null);
        return change(
                id,
                caller,
                ifMatch,
                (m, actor) -> m.identifyParty(actor, partyId, asKnown, people.of(school), clock.instant()));
    }

    @Transactional
    public StoredMediation assign(UUID id, CurrentUser caller, @Nullable String ifMatch, String mediatorId) {
        String school = schoolOf(caller);
        return change(
                id,
                caller,
                ifMatch,
                (m, actor) -> m.assign(actor, candidate(school, mediatorId), people.of(school), clock.instant()));
    }

    @Transactional
    public StoredMediation answerConsent(UUID id, CurrentUser caller, @Nullable String ifMatch, ConsentAnswer answer) {
        String school = schoolOf(caller);
        return change(
                id, caller, ifMatch, (m, actor) -> m.answerConsent(actor, answer, people.of(school), clock.instant()));
    }

    /** A coordinator's triage: the decision, its reason, and whether a safeguarding concern was raised. */
    public record Triage(TriageDecision decision, String reason, boolean safeguardingConcern) {}

    /** Triage by a coordinator; a request routed to consultation continues as one, for its submitter. */
    @Transactional
    public StoredMediation triage(UUID id, CurrentUser caller, @Nullable String ifMatch, Triage triage) {
        StoredMediation stored = change(
                id,
                caller,
                ifMatch,
                (m, actor) -> m.triage(
                        actor, triage.decision(), triage.reason(), triage.safeguardingConcern(), clock.instant()));
        Mediation mediation = stored.mediation();
        if (triage.decision() == TriageDecision.ROUTE_TO_CONSULTATION) {
            events.publishEvent(new RoutedToConsultation(
                    mediation.schoolId(),
                    mediation.request().submittedBy(),
                    mediation.request().description(),
                    caller.id()));
        }
        return stored;
    }

    @Transactional
    public StoredMediation escalate(UUID id, CurrentUser caller, @Nullable String ifMatch, String reason) {
        return change(id, caller, ifMatch, (m, actor) -> m.escalate(actor, reason, clock.instant()));
    }

    @Transactional
    public StoredMediation unassign(UUID id, CurrentUser caller, @Nullable String ifMatch, String mediatorId) {
        return change(id, caller, ifMatch, (m, actor) -> m.unassign(actor, mediatorId, clock.instant()));
    }

    /** A party objects to a mediator: the mediator leaves the case. */
    @Transactional
    public StoredMediation object(UUID id, CurrentUser caller, @Nullable String ifMatch, String mediatorId) {
        return change(id, caller, ifMatch, (m, actor) -> m.object(actor, mediatorId, clock.instant()));
    }

    /** A mediator declares a conflict of interest and leaves the case. */
    @Transactional
    public StoredMediation declareConflictOfInterest(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.declareConflictOfInterest(actor, clock.instant()));
    }

    @Transactional
    public StoredMediation askForConsent(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.askForConsent(actor, clock.instant()));
    }

    /** A party leaves the case (or a coordinator records it for them, {@code onBehalfOf}). */
    public record Withdrawal(
            @Nullable UUID onBehalfOf, @Nullable String note) {}

    @Transactional
    public StoredMediation withdraw(UUID id, CurrentUser caller, @Nullable String ifMatch, Withdrawal withdrawal) {
        return change(
                id,
                caller,
                ifMatch,
                (m, actor) -> m.withdraw(actor, withdrawal.onBehalfOf(), withdrawal.note(), clock.instant()));
    }

    /** A session to hold: its kind, when and where, and the parties taking part. */
    public record SessionPlan(SessionKind kind, Instant startsAt, String place, Set<UUID> participants) {}

    @Transactional
    public StoredMediation scheduleSession(UUID id, CurrentUser caller, @Nullable String ifMatch, SessionPlan plan) {
        return change(
                id,
                caller,
                ifMatch,
                (m, actor) -> m.scheduleSession(
                        actor, plan.kind(), plan.startsAt(), plan.place(), plan.participants(), clock.instant()));
    }

    @Transactional
    public StoredMediation cancelSession(UUID id, CurrentUser caller, @Nullable String ifMatch, UUID sessionId) {
        return change(id, caller, ifMatch, (m, actor) -> m.cancelSession(actor, sessionId, clock.instant()));
    }

    @Transactional
    public StoredMediation recordSessionNotes(
            UUID id, CurrentUser caller, @Nullable String ifMatch, UUID sessionId, String notes) {
        return change(id, caller, ifMatch, (m, actor) -> m.recordSessionNotes(actor, sessionId, notes));
    }

    @Transactional
    public StoredMediation writeAgreement(
            UUID id, CurrentUser caller, @Nullable String ifMatch, List<Commitment> commitments) {
        return change(id, caller, ifMatch, (m, actor) -> m.writeAgreement(actor, commitments, clock.instant()));
    }

    /** A party signs the agreement, for themselves. */
    @Transactional
    public StoredMediation sign(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.sign(actor, clock.instant()));
    }

    @Transactional
    public StoredMediation recordNoAgreement(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.recordNoAgreement(actor, clock.instant()));
    }

    /** Reopens a case whose agreement was not kept. */
    @Transactional
    public StoredMediation reopen(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.reopen(actor, clock.instant()));
    }

    @Transactional
    public StoredMediation close(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.close(actor, clock.instant()));
    }

    /** A legal hold keeps a case's text past its retention period until it is released. */
    @Transactional
    public StoredMediation placeLegalHold(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.placeLegalHold(actor));
    }

    @Transactional
    public StoredMediation releaseLegalHold(UUID id, CurrentUser caller, @Nullable String ifMatch) {
        return change(id, caller, ifMatch, (m, actor) -> m.releaseLegalHold(actor));
    }

    /** Records how the agreement was kept; on or after its date, the follow-up falls due first. */
    @Transactional
    public StoredMediation recordFollowUp(
            UUID id, CurrentUser caller, @Nullable String ifMatch, FollowUpResult result) {
        return change(id, caller, ifMatch, (m, actor) -> m.recordFollowUp(actor, result, clock.instant()));
    }

    /**
     * Runs a command on a case: 404 when the caller may not see it, 412 when {@code ifMatch} is
     * stale, 409 when a rule refuses it.
     */
    private StoredMediation change(
            UUID id,
            CurrentUser caller,
            @Nullable String ifMatch,
            BiFunction<Mediation, Actor, List<MediationEvent>> command) {
        String school = schoolOf(caller);
        StoredMediation stored = cases.findForUpdate(school, id).orElseThrow(() -> new ResourceNotFound("Case"));
        Actor actor = actor(caller);
        Mediation mediation = stored.mediation();
        // A decision follows the school's settings in force when it is made (and so does whose consent is asked).
        mediation.followSettings(settings.inForce(school).mediation());
        if (mediation.confidentiality().visibilityFor(actor, people.of(school)) == Visibility.NONE) {
            throw new ResourceNotFound("Case");
        }
        Versions.check(ifMatch, stored.version());
        List<MediationEvent> caused = command.apply(mediation, actor);
        if (!cases.update(mediation, stored.version())) {
            throw new StateConflict("concurrent-change", "The case changed meanwhile");
        }
        caused.forEach(events::publishEvent);
        audit.append(school, caller.id(), Action.CHANGE, SUBJECT, id.toString());
        return cases.find(school, id).orElseThrow();
    }

    /**
     * A mediator who left the school (removed from its directory) is taken off every open case of the school
     * they mediate, in the transaction of the event that said so (case rules: {@code Mediation.mediatorLeftTheSchool}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mediatorLeftTheSchool(String schoolId, String userId) {
        List<UUID> open = jdbc.sql("""
                        select id from mediation_case
                        where school_id = :school and :user = any (mediator_ids)
                          and status not in ('CLOSED', 'WITHDRAWN')
                        order by id
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query(UUID.class)
                .list();
        for (UUID id : open) {
            StoredMediation stored = cases.findForUpdate(schoolId, id).orElseThrow();
            List<MediationEvent> caused = stored.mediation().mediatorLeftTheSchool(userId, clock.instant());
            if (caused.isEmpty()) {
                continue;
            }
            cases.update(stored.mediation(), stored.version());
            caused.forEach(events::publishEvent);
            audit.append(schoolId, DIRECTORY, Action.CHANGE, SUBJECT, id.toString());
        }
    }

    /** Purges the confidential text of one closed case past its school's retention period; false when not due. */
    @Transactional
    public boolean purge(UUID id) {
        String school = jdbc.sql("select school_id from mediation_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        StoredMediation stored = cases.findForUpdate(school, id).orElseThrow();
        Duration retention = settings.inForce(school).retention();
        Optional<List<MediationEvent>> caused = stored.mediation().purge(retention, clock.instant());
        if (caused.isEmpty()) {
            return false;
        }
        cases.update(stored.mediation(), stored.version());
        caused.get().forEach(events::publishEvent);
        audit.append(school, RETENTION, Action.CHANGE, SUBJECT, id.toString());
        return true;
    }

    /** The closed cases past their school's retention period, in every school. */
    public List<UUID> dueForPurge() {
        return cases.dueForPurge(clock.instant(), settings.defaults().retentionDays());
    }

    /** The audit trail of a case, for the school's coordinators. */
    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(UUID id, CurrentUser caller) {
        String school = schoolOf(caller);
        requireCoordinator(caller);
        cases.find(school, id).orElseThrow(() -> new ResourceNotFound("Case"));
        return audit.about(school, SUBJECT, id.toString());
    }

    /** The ids of cases whose follow-up date has come, in every school. */
    @Transactional(readOnly = true)
    public List<UUID> followUpsDue() {
        return jdbc.sql("""
                        select c.id from mediation_case c
                        left join school_settings s on s.school_id = c.school_id
                        where c.status = 'AGREEMENT_REACHED'
                          and c.follow_up_date
                              <= cast((cast(:now as timestamptz) at time zone coalesce(s.time_zone, :defaultZone)) as date)
                        """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("defaultZone", settings.defaults().timeZone().getId())
                .query(UUID.class)
                .list();
    }

    /** Moves one case whose follow-up date has come to FOLLOW_UP; a case already moved is left alone. */
    @Transactional
    public boolean remindFollowUp(UUID id) {
        String school = jdbc.sql("select school_id from mediation_case where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        StoredMediation stored = cases.findForUpdate(school, id).orElseThrow();
        Mediation mediation = stored.mediation();
        if (mediation.status() != MediationStatus.AGREEMENT_REACHED) {
            return false;
        }
        mediation.followSettings(settings.inForce(school).mediation());
        List<MediationEvent> caused;
        try {
            caused = mediation.followUpDue(clock.instant());
        } catch (MediationRefused notYet) {
            return false;
        }
        cases.update(mediation, stored.version());
        caused.forEach(events::publishEvent);
        audit.append(school, FOLLOW_UP_REMINDER, Action.CHANGE, SUBJECT, id.toString());
        return true;
    }

    private MediatorCandidate candidate(String school, String userId) {
        Optional<Person> person = people.person(school, userId);
        if (person.map(Person::isCoordinator).orElse(false)) {
            return MediatorCandidate.coordinator(userId);
        }
        return new MediatorCandidate(
                userId,
                MediatorKind.PEER,
                people.isCertifiedMediator(school, userId),
                person.flatMap(Person::schoolClass).orElse(null));
    }

    public static Actor actor(CurrentUser caller) {
        return new Actor(caller.id(), caller.has(Role.COORDINATOR));
    }

    private static void requireCoordinator(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("Coordinators only");
        }
    }

    /** Cases belong to a school; a district admin has none and sees no case. */
    private static String schoolOf(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Case"));
    }
}
