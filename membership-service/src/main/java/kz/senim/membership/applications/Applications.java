package kz.senim.membership.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.membership.applications.domain.ApplicationStatus;
import kz.senim.membership.applications.domain.Interview;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.membership.club.Clubs;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.membership.members.Members;
import kz.senim.membership.people.People;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications to join the club: students apply, coordinators interview and decide. */
@Service
public class Applications {

    static final Map<String, String> SORTS =
            Map.of("submittedAt", "submitted_at", "status", "status", "grade", "grade");

    private final ApplicationRepository repository;
    private final People people;
    private final Clubs clubs;
    private final Members members;
    private final IdempotentRequests creations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(
            ApplicationRepository repository,
            People people,
            Clubs clubs,
            Members members,
            IdempotentRequests creations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.people = people;
        this.clubs = clubs;
        this.members = members;
        this.creations = creations;
        this.events = events;
        this.clock = clock;
    }

    /** A student of the admission grades applies; one open application at a time. */
    @Transactional
    public MembershipApplication submit(SubmitApplication command, String idempotencyKey, CurrentUser caller) {
        if (!caller.has(Role.STUDENT)) {
            throw new AccessDeniedException("Only students apply to the club");
        }
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
        Optional<String> earlier = creations.earlier(caller.id(), "application", idempotencyKey);
        if (earlier.isPresent()) {
            return repository
                    .find(school, UUID.fromString(earlier.get()))
                    .orElseThrow(() -> new ResourceNotFound("Application"));
        }
        Person student = people.entryOf(school, caller.id())
                .filter(p -> p.role() == PersonRole.STUDENT)
                .orElseThrow(() -> new RefusedByRule(
                        "applicant-not-in-directory", "The student is not in the school's directory"));
        if (members.isActiveMember(school, caller.id())) {
            throw new RefusedByRule("already-a-member", "The student is already a member of the club");
        }
        Instant now = clock.instant();
        MembershipApplication application = MembershipApplication.submit(
                UUID.randomUUID(),
                school,
                caller.id(),
                student.grade(),
                clubs.profileOf(school).admissionGrades(),
                members.currentYear(school),
                command.motivation().strip(),
                command.availability().strip(),
                now);
        if (!repository.insert(application)) {
            throw new RefusedByRule("application-already-open", "The student already has an open application");
        }
        creations.remember(
                caller.id(), "application", idempotencyKey, application.id().toString());
        events.publishEvent(ApplicationSubmitted.of(application, now));
        return application;
    }

    @Transactional
    public MembershipApplication scheduleInterview(
            UUID id, ScheduleInterview command, String ifMatch, CurrentUser caller) {
        MembershipApplication current = forCoordinator(id, caller, ifMatch);
        boolean coordinator = people.entryOf(current.schoolId(), command.interviewerId())
                .map(p -> p.role() == PersonRole.COORDINATOR)
                .orElse(false);
        if (!coordinator) {
            throw new InvalidInput(List.of(new FieldProblem("interviewerId", "application.interviewer.coordinator")));
        }
        MembershipApplication scheduled = current.scheduleInterview(
                new Interview(command.at().toInstant(), command.place().strip(), command.interviewerId()));
        scheduled = save(scheduled);
        events.publishEvent(InterviewScheduled.of(scheduled, clock.instant()));
        return scheduled;
    }

    /** Accepts: the student becomes a member when the club has room, and is waitlisted otherwise. */
    @Transactional
    public MembershipApplication accept(UUID id, String ifMatch, CurrentUser caller) {
        MembershipApplication current = forCoordinator(id, caller, ifMatch);
        // Checked first, so that a refused transition admits nobody.
        current.accept(true);
        boolean admitted = members.admitIfRoom(current.schoolId(), current.applicantId());
        MembershipApplication decided = current.accept(admitted);
        decided = save(decided);
        Instant now = clock.instant();
        events.publishEvent(admitted ? ApplicationAccepted.of(decided, now) : ApplicationWaitlisted.of(decided, now));
        return decided;
    }

    @Transactional
    public MembershipApplication reject(UUID id, RejectApplication command, String ifMatch, CurrentUser caller) {
        MembershipApplication rejected =
                forCoordinator(id, caller, ifMatch).reject(command.reason().strip());
        rejected = save(rejected);
        events.publishEvent(ApplicationRejected.of(rejected, clock.instant()));
        return rejected;
    }

    /** The applicant withdraws, at any time while it is open. */
    @Transactional
    public MembershipApplication withdraw(UUID id, String ifMatch, CurrentUser caller) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("Application"));
        MembershipApplication current = repository
                .find(school, id)
                .filter(a -> a.applicantId().equals(caller.id()))
                .orElseThrow(() -> new ResourceNotFound("Application"));
        Versions.check(ifMatch, current.version());
        MembershipApplication withdrawn = current.withdraw();
        withdrawn = save(withdrawn);
        events.publishEvent(ApplicationWithdrawn.of(withdrawn, clock.instant()));
        return withdrawn;
    }

    /** Coordinators and admins of the school see every application; a student sees their own. */
    @Transactional(readOnly = true)
    public MembershipApplication get(UUID id, CurrentUser caller) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("Application"));
        return repository
                .find(school, id)
                .filter(a -> caller.has(Role.COORDINATOR)
                        || caller.has(Role.ADMIN)
                        || a.applicantId().equals(caller.id()))
                .orElseThrow(() -> new ResourceNotFound("Application"));
    }

    @Transactional(readOnly = true)
    public Page<MembershipApplication> list(String status, PageQuery page, CurrentUser caller) {
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
        String applicant = caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN) ? null : caller.id();
        ApplicationStatus wanted = null;
        if (status != null) {
            try {
                wanted = ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(new FieldProblem("status", "application.status.known")));
            }
        }
        return Page.of(
                repository.page(school, applicant, wanted, page), page, repository.count(school, applicant, wanted));
    }

    private MembershipApplication forCoordinator(UUID id, CurrentUser caller, String ifMatch) {
        if (!caller.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only coordinators decide applications");
        }
        String school = caller.schoolId().orElseThrow(() -> new ResourceNotFound("Application"));
        MembershipApplication current =
                repository.find(school, id).orElseThrow(() -> new ResourceNotFound("Application"));
        Versions.check(ifMatch, current.version());
        return current;
    }

    private MembershipApplication save(MembershipApplication changed) {
        if (!repository.update(changed)) {
            throw new PreconditionFailed();
        }
        return changed.stored(changed.version() + 1);
    }
}
