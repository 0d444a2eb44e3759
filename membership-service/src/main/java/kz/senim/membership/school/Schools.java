package kz.senim.membership.school;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering schools and reading them, each caller within their own school. */
@Service
public class Schools {

    private final SchoolRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Schools(SchoolRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public School register(RegisterSchool command, CurrentUser caller) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("Only a district admin registers schools");
        }
        School school = School.register(
                command.id(),
                command.name(),
                command.city(),
                command.region(),
                command.timeZoneOrDefault(),
                command.defaultLanguageOrDefault(),
                command.yearStartMonthOrDefault(),
                clock.instant());
        if (!repository.insert(school)) {
            throw new StateConflict("school-already-exists", "A school with this id already exists");
        }
        events.publishEvent(school.registered());
        return school;
    }

    /**
     * A district admin, or the school's own admin, changes its names and settings; a stale
     * {@code If-Match} answers 412.
     */
    @Transactional
    public School update(String id, RegisterSchool command, String ifMatch, CurrentUser caller) {
        if (!caller.isDistrictAdmin() && !(caller.has(Role.ADMIN) && caller.belongsTo(id))) {
            if (caller.belongsTo(id)) {
                throw new AccessDeniedException("Only admins edit schools");
            }
            throw new ResourceNotFound("School");
        }
        School current = repository.find(id).orElseThrow(() -> new ResourceNotFound("School"));
        Versions.check(ifMatch, current.version());
        School changed = current.change(
                command.name(),
                command.city(),
                command.region(),
                command.timeZoneOrDefault(),
                command.defaultLanguageOrDefault(),
                command.yearStartMonthOrDefault());
        if (!repository.update(changed)) {
            throw new PreconditionFailed();
        }
        events.publishEvent(changed.updated(clock.instant()));
        return changed;
    }

    /** The school, for other features of this service (no access check). */
    @Transactional(readOnly = true)
    public Optional<School> find(String id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public School get(String id, CurrentUser caller) {
        if (!caller.isDistrictAdmin() && !caller.belongsTo(id)) {
            throw new ResourceNotFound("School");
        }
        return repository.find(id).orElseThrow(() -> new ResourceNotFound("School"));
    }

    /** The sort keys of the school list and their columns. */
    public static final Map<String, String> SORTS =
            Map.of("id", "id", "city", "city", "region", "region", "registeredAt", "registered_at");

    /** A page of the schools the caller may see: a district admin every school, others their own. */
    @Transactional(readOnly = true)
    public Page<School> visibleTo(CurrentUser caller, PageQuery page) {
        if (caller.isDistrictAdmin()) {
            return Page.of(repository.page(page), page, repository.count());
        }
        List<School> own = caller.schoolId().flatMap(repository::find).stream().toList();
        return Page.of(page.offset() < own.size() ? own : List.of(), page, own.size());
    }
}
