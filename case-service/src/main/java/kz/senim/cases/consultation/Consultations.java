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
import kz.senim.cases.mediation.RoutedToConsultation;
import kz.senim.cases.school.domain.Actor;
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
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consultations and questions of a school, each hidden (404) from whoever may not see it. */
@Service
public class Consultations {

    static final String SUBJECT = "CONSULTATION";
    /**
     * The kind of resource an {@code Idempotency-Key} of {@code POST /api/consultations} creates: a key
     * used for a case and for a consultation creates both (decision 70).
     */
    static final String IDEMPOTENCY_KIND = "consultation";

    private final ConsultationRepository consultations;
    private final SchoolPeople people;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    Consultations(
            ConsultationRepository consultations,
            SchoolPeople people,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.consultations = consultations;
        this.people = people;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A new consultation or question; with an idempotency key, a retry answers the first one asked. */
    @Transactional
    Stored ask(CurrentUser caller, ConsultationKind kind, String question, @Nullable String idempotencyKey) {
        String school = schoolOf(caller);
        Optional<String> earlier = idempotent.earlier(caller.id(), IDEMPOTENCY_KIND, idempotencyKey);
        if (earlier.isPresent()) {
            return consultations
                    .find(school, UUID.fromString(earlier.get()), false)
                    .orElseThrow(() -> new ResourceNotFound("Consultation"));
        }
        if (!(caller.has(Role.STUDENT) || caller.has(Role.TEACHER) || caller.has(Role.PARENT))) {
            throw new AccessDeniedException("Students, teachers and parents ask");
        }
        Consultation consultation = Consultation.ask(school, kind, caller.id(), question, clock.instant());
        consultations.insert(consultation);
        idempotent.remember(
                caller.id(), IDEMPOTENCY_KIND, idempotencyKey, consultation.id().toString());
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
     * submitter, in the triage's transaction (a synchronous listener).
     */
    @EventListener
    @Transactional
    public void routedFromMediation(RoutedToConsultation routed) {
        String schoolId = routed.schoolId();
        String submittedBy = routed.submittedBy();
        String description = routed.description();
        String coordinatorId = routed.coordinatorId();
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
    }

    @Transactional(readOnly = true)
    Page<Stored> list(CurrentUser caller, @Nullable ConsultationKind kind, PageQuery page) {
        String school = schoolOf(caller);
        boolean coordinator = caller.has(Role.COORDINATOR);
        return Page.of(
                consultations.visible(school, caller.id(), coordinator, kind, page),
                page,
                consultations.countVisible(school, caller.id(), coordinator, kind));
    }

    @Transactional
    Stored assignAdvisor(UUID id, CurrentUser caller, @Nullable String ifMatch, String advisor) {
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
            @Nullable String ifMatch,
            BiFunction<Consultation, Actor, List<ConsultationEvent>> command) {
        String school = schoolOf(caller);
        Stored stored = consultations.find(school, id, true).orElseThrow(() -> new ResourceNotFound("Consultation"));
        Actor actor = actor(caller);
        if (!stored.consultation().isVisibleTo(actor)) {
            throw new ResourceNotFound("Consultation");
        }
        Versions.check(ifMatch, stored.version());
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
