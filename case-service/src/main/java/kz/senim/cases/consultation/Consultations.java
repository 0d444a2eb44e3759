package kz.senim.cases.consultation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import kz.senim.cases.audit.AuditTrail;
import kz.senim.cases.audit.domain.AuditEntry.Action;
import kz.senim.cases.consultation.ConsultationRepository.Stored;
import kz.senim.cases.consultation.domain.Consultation;
import kz.senim.cases.consultation.domain.ConsultationEvent;
import kz.senim.cases.consultation.domain.ConsultationKind;
import kz.senim.cases.directory.SchoolPeople;
import kz.senim.cases.mediation.domain.Actor;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Consultations and questions of a school, each hidden (404) from whoever may not see it. */
@Service
public class Consultations {

    static final String SUBJECT = "CONSULTATION";
    private static final String IDEMPOTENCY_SCOPE = "consultation/";

    private final ConsultationRepository consultations;
    private final SchoolPeople people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    Consultations(
            ConsultationRepository consultations,
            SchoolPeople people,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A new consultation or question; with an idempotency key, a retry answers the first one asked. */
    @Transactional
    Stored ask(CurrentUser caller, ConsultationKind kind, String question, Optional<String> idempotencyKey) {
        String school = schoolOf(caller);
        if (!(caller.has(Role.STUDENT) || caller.has(Role.TEACHER) || caller.has(Role.PARENT))) {
            throw new AccessDeniedException("Students, teachers and parents ask");
        }
        Consultation consultation = Consultation.ask(school, kind, caller.id(), question, clock.instant());
        if (idempotencyKey.isPresent()) {
            // Same table as the cases' keys; the prefix (a '/' no client key may hold) keeps the two apart.
            String key = IDEMPOTENCY_SCOPE + idempotencyKey.get();
            boolean first = jdbc.sql("""
                                    insert into idempotency_key (school_id, user_id, key, resource_id, created_at)
                                    values (:school, :user, :key, :id, now())
                                    on conflict do nothing
                                    """)
                            .param("school", school)
                            .param("user", caller.id())
                            .param("key", key)
                            .param("id", consultation.id())
                            .update()
                    == 1;
            if (!first) {
                UUID existing = jdbc.sql("""
                                select resource_id from idempotency_key
                                where school_id = :school and user_id = :user and key = :key
                                """)
                        .param("school", school)
                        .param("user", caller.id())
                        .param("key", key)
                        .query(UUID.class)
                        .single();
                return consultations
                        .find(school, existing, false)
                        .orElseThrow(() -> new ResourceNotFound("Consultation"));
            }
        }
        consultations.insert(consultation);
        events.publishEvent(consultation.requested());
        audit.append(
                school, caller.id(), Action.CHANGE, SUBJECT, consultation.id().toString());
        return consultations.find(school, consultation.id(), false).orElseThrow();
    }

    @Transactional
    Stored get(UUID id, CurrentUser caller) {
        String school = schoolOf(caller);
        Stored stored = consultations.find(school, id, false).orElseThrow(() -> new ResourceNotFound("Consultation"));
        if (!stored.consultation().isVisibleTo(actor(caller))) {
            throw new ResourceNotFound("Consultation");
        }
        audit.append(school, caller.id(), Action.READ_CONFIDENTIAL, SUBJECT, id.toString());
        return stored;
    }

    /**
     * A mediation request that triage routed to consultation continues as a consultation of its
     * submitter, in the same transaction; returns its id.
     */
    @Transactional
    public UUID routedFromMediation(String schoolId, String submittedBy, String description, String coordinatorId) {
        Consultation consultation =
                Consultation.ask(schoolId, ConsultationKind.CONSULTATION, submittedBy, description, clock.instant());
        consultations.insert(consultation);
        events.publishEvent(consultation.requested());
        audit.append(
                schoolId,
                coordinatorId,
                Action.CHANGE,
                SUBJECT,
                consultation.id().toString());
        return consultation.id();
    }

    @Transactional(readOnly = true)
    List<Stored> list(CurrentUser caller, ConsultationKind kind, int page, int size) {
        return consultations.visible(schoolOf(caller), caller.id(), caller.has(Role.COORDINATOR), kind, page, size);
    }

    @Transactional(readOnly = true)
    long count(CurrentUser caller, ConsultationKind kind) {
        return consultations.countVisible(schoolOf(caller), caller.id(), caller.has(Role.COORDINATOR), kind);
    }

    @Transactional
    Stored assignAdvisor(UUID id, CurrentUser caller, Long ifMatch, String advisor) {
        String school = schoolOf(caller);
        boolean certified = people.isCertifiedMediator(school, advisor);
        return change(id, caller, ifMatch, (c, actor) -> c.assignAdvisor(actor, advisor, certified));
    }

    /**
     * Runs a command on a consultation: 404 when the caller may not see it, 412 when {@code ifMatch}
     * is stale, 409 when a rule refuses it.
     */
    @Transactional
    Stored change(
            UUID id,
            CurrentUser caller,
            Long ifMatch,
            BiFunction<Consultation, Actor, List<ConsultationEvent>> command) {
        String school = schoolOf(caller);
        Stored stored = consultations.find(school, id, true).orElseThrow(() -> new ResourceNotFound("Consultation"));
        Actor actor = actor(caller);
        if (!stored.consultation().isVisibleTo(actor)) {
            throw new ResourceNotFound("Consultation");
        }
        if (ifMatch != null && ifMatch != stored.version()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
        }
        List<ConsultationEvent> caused = command.apply(stored.consultation(), actor);
        if (!consultations.update(stored.consultation(), stored.version())) {
            throw new StateConflict("concurrent-change", "It changed meanwhile");
        }
        caused.forEach(events::publishEvent);
        audit.append(school, caller.id(), Action.CHANGE, SUBJECT, id.toString());
        return consultations.find(school, id, false).orElseThrow();
    }

    java.time.Instant now() {
        return clock.instant();
    }

    private static Actor actor(CurrentUser caller) {
        return new Actor(caller.id(), caller.has(Role.COORDINATOR));
    }

    private static String schoolOf(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Consultation"));
    }
}
