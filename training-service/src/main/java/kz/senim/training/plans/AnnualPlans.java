package kz.senim.training.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.platform.problem.FieldsRefused;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.Versions;
import kz.senim.training.activities.ActivityEvents.ActivityCancelled;
import kz.senim.training.activities.ActivityEvents.ActivityCompleted;
import kz.senim.training.plans.domain.PlanCompletion;
import kz.senim.training.plans.domain.PlanItemStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual plan of each school year: items by direction, month and responsible person, carried
 * out by linked activities. An item's status follows its activities; its creation and every change are
 * published.
 */
@Service
public class AnnualPlans {

    private final PlanRepository repository;
    private final IdempotentRequests idempotent;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnnualPlans(
            PlanRepository repository, IdempotentRequests idempotent, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.idempotent = idempotent;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public PlanRepository.Item add(String year, AddPlanItem command, CurrentUser caller, String idempotencyKey) {
        String school = staffSchool(caller);
        Optional<String> previous = idempotent.earlier(caller.id(), "plan-item", idempotencyKey);
        if (previous.isPresent()) {
            return item(year, UUID.fromString(previous.get()), caller);
        }
        if (!command.monthWithin(year)) {
            throw new FieldsRefused("month", "MonthOfSchoolYear");
        }
        PlanRepository.Item item = new PlanRepository.Item(
                UUID.randomUUID(),
                school,
                year,
                command.direction(),
                command.description(),
                command.month(),
                command.responsibleUserId(),
                false,
                null,
                PlanItemStatus.PLANNED,
                0);
        repository.insert(item, caller.id(), clock.instant());
        List<UUID> activities = command.activityIds() == null ? List.of() : command.activityIds();
        for (int i = 0; i < activities.size(); i++) {
            if (!repository.link(item.id(), school, activities.get(i))) {
                throw new FieldsRefused("activityIds[" + i + "]", "UnknownActivity");
            }
        }
        idempotent.remember(caller.id(), "plan-item", idempotencyKey, item.id().toString());
        PlanRepository.Item created = reconsider(item);
        events.publishEvent(new PlanItemCreated(
                UUID.randomUUID(),
                school,
                clock.instant(),
                created.id(),
                created.schoolYear(),
                created.month(),
                created.status().name(),
                completion(school, year).percentage()));
        return created;
    }

    @Transactional(readOnly = true)
    public PlanRepository.Item item(String year, UUID id, CurrentUser caller) {
        return repository.find(school(caller), year, id).orElseThrow(() -> new ResourceNotFound("Plan item"));
    }

    @Transactional(readOnly = true)
    public List<UUID> linkedActivities(UUID itemId) {
        return repository.linkedActivities(itemId);
    }

    @Transactional(readOnly = true)
    public Page<PlanRepository.Item> items(String year, String month, CurrentUser caller, int page, int size) {
        List<PlanRepository.Item> all = repository.items(school(caller), year).stream()
                .filter(i -> month == null || i.month().equals(month))
                .toList();
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return Page.of(all.subList(from, to), page, size, all.size());
    }

    @Transactional(readOnly = true)
    public PlanCompletion completion(String year, CurrentUser caller) {
        return completion(school(caller), year);
    }

    @Transactional
    public PlanRepository.Item link(String year, UUID id, UUID activityId, CurrentUser caller, String ifMatch) {
        PlanRepository.Item item = forStaff(year, id, caller, ifMatch);
        if (!repository.link(id, item.schoolId(), activityId)) {
            throw new ResourceNotFound("Activity");
        }
        return reconsider(item);
    }

    @Transactional
    public PlanRepository.Item unlink(String year, UUID id, UUID activityId, CurrentUser caller, String ifMatch) {
        PlanRepository.Item item = forStaff(year, id, caller, ifMatch);
        if (!repository.unlink(id, activityId)) {
            throw new ResourceNotFound("Linked activity");
        }
        return reconsider(item);
    }

    @Transactional
    public PlanRepository.Item cancel(String year, UUID id, CurrentUser caller, String ifMatch) {
        PlanRepository.Item item = forStaff(year, id, caller, ifMatch);
        if (item.cancelled()) {
            throw new StateConflict("plan-item-cancelled", "The plan item is already cancelled");
        }
        return reconsider(with(item, true, item.reported()));
    }

    /** What the coordinator reports for an item that has no linked activities to derive it from. */
    @Transactional
    public PlanRepository.Item report(String year, UUID id, PlanItemStatus status, CurrentUser caller, String ifMatch) {
        PlanRepository.Item item = forStaff(year, id, caller, ifMatch);
        if (item.cancelled()) {
            throw new StateConflict("plan-item-cancelled", "The plan item is cancelled");
        }
        if (!repository.outcomes(id).isEmpty()) {
            throw new StateConflict(
                    "status-derived-from-activities", "The status of this item follows its linked activities");
        }
        return reconsider(with(item, false, status));
    }

    /** An activity's completion or cancellation changes the items it carries out, in the same transaction. */
    @EventListener
    void on(ActivityCompleted completed) {
        repository.itemsLinkedTo(completed.activityId()).forEach(item -> reconsider(item));
    }

    @EventListener
    void on(ActivityCancelled cancelled) {
        repository.itemsLinkedTo(cancelled.activityId()).forEach(item -> reconsider(item));
    }

    private PlanRepository.Item reconsider(PlanRepository.Item item) {
        PlanItemStatus status = PlanItemStatus.of(item.cancelled(), repository.outcomes(item.id()), item.reported());
        PlanRepository.Item updated = new PlanRepository.Item(
                item.id(),
                item.schoolId(),
                item.schoolYear(),
                item.direction(),
                item.description(),
                item.month(),
                item.responsible(),
                item.cancelled(),
                item.reported(),
                status,
                item.version());
        repository.update(updated);
        if (status != item.status()) {
            Instant now = clock.instant();
            events.publishEvent(new PlanItemStatusChanged(
                    UUID.randomUUID(),
                    item.schoolId(),
                    now,
                    item.id(),
                    item.schoolYear(),
                    item.month(),
                    item.status().name(),
                    status.name(),
                    completion(item.schoolId(), item.schoolYear()).percentage()));
        }
        return repository.find(item.schoolId(), item.schoolYear(), item.id()).orElseThrow();
    }

    private PlanCompletion completion(String school, String year) {
        return PlanCompletion.of(repository.items(school, year).stream()
                .map(PlanRepository.Item::status)
                .toList());
    }

    private PlanRepository.Item forStaff(String year, UUID id, CurrentUser caller, String ifMatch) {
        String school = staffSchool(caller);
        PlanRepository.Item item =
                repository.lock(school, year, id).orElseThrow(() -> new ResourceNotFound("Plan item"));
        Versions.check(ifMatch, item.version());
        return item;
    }

    private static PlanRepository.Item with(PlanRepository.Item i, boolean cancelled, PlanItemStatus reported) {
        return new PlanRepository.Item(
                i.id(),
                i.schoolId(),
                i.schoolYear(),
                i.direction(),
                i.description(),
                i.month(),
                i.responsible(),
                cancelled,
                reported,
                i.status(),
                i.version());
    }

    private static String staffSchool(CurrentUser caller) {
        String school = school(caller);
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators and admins keep the annual plan");
        }
        return school;
    }

    private static String school(CurrentUser caller) {
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Plan"));
    }
}
