package kz.senim.membership.school;

import java.time.Clock;
import java.util.List;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
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
                clock.instant());
        if (!repository.insert(school)) {
            throw new StateConflict("school-already-exists", "A school with this id already exists");
        }
        events.publishEvent(school.registered());
        return school;
    }

    @Transactional(readOnly = true)
    public School get(String id, CurrentUser caller) {
        if (!caller.isDistrictAdmin() && !caller.belongsTo(id)) {
            throw new ResourceNotFound("School");
        }
        return repository.find(id).orElseThrow(() -> new ResourceNotFound("School"));
    }

    /** A district admin sees every school; anyone else only their own. */
    @Transactional(readOnly = true)
    public List<School> visibleTo(CurrentUser caller) {
        if (caller.isDistrictAdmin()) {
            return repository.findAll();
        }
        return caller.schoolId().flatMap(repository::find).stream().toList();
    }
}
