package kz.senim.membership.people;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.people.domain.DirectoryFile;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.problem.PreconditionFailed;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
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

/** The people directory of a school, managed by its coordinators and admins. */
@Service
public class People {

    static final Map<String, String> SORTS = Map.of(
            "familyName",
            "family_name",
            "givenName",
            "given_name",
            "grade",
            "grade",
            "role",
            "role",
            "userId",
            "user_id");

    private final PersonRepository repository;
    private final IdempotentRequests creations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    People(PersonRepository repository, IdempotentRequests creations, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.creations = creations;
        this.events = events;
        this.clock = clock;
    }

    /** The entry of a person of the school, for other features of this service (no access check). */
    @Transactional(readOnly = true)
    public Optional<Person> entryOf(String schoolId, String userId) {
        return repository.find(schoolId, userId);
    }

    /** Grades of the school's students, by user id. */
    @Transactional(readOnly = true)
    public Map<String, Person> directoryOf(String schoolId) {
        return repository.all(schoolId);
    }

    /**
     * Adds the entry of a person whose account was just created, with the school's own id for them, for
     * the accounts feature (which checked the caller). False when the user is in the directory already.
     */
    @Transactional
    public boolean registerWithAccount(Person person, String externalId) {
        // Only this person's children are looked up: an import of 1 500 people must not read the directory each time.
        for (String child : person.guardianOf()) {
            if (repository
                    .find(person.schoolId(), child)
                    .filter(Person::isStudent)
                    .isEmpty()) {
                throw new InvalidInput(List.of(new FieldProblem("guardianOf", "person.guardianOf.unknownStudent")));
            }
        }
        Instant now = clock.instant();
        if (!repository.insert(person, now)) {
            return false;
        }
        repository.externalId(person.schoolId(), person.userId(), externalId);
        events.publishEvent(PersonRegistered.of(person, now));
        return true;
    }

    /**
     * Replaces the entry of a person with an account from an import of accounts (which checked the caller);
     * publishes {@code person-updated} when it changed, or {@code person-registered} for one who came back.
     */
    @Transactional
    public void replaceFromAccounts(Person person, String externalId) {
        Optional<Person> current = repository.find(person.schoolId(), person.userId());
        if (current.isEmpty()) {
            registerWithAccount(person, externalId);
            return;
        }
        if (current.get().sameEntryAs(person)) {
            return;
        }
        checkGuardianLinks(List.of(person), repository.all(person.schoolId()), false);
        if (!repository.update(person, current.get().version())) {
            throw new PreconditionFailed();
        }
        events.publishEvent(PersonUpdated.of(person, clock.instant()));
    }

    /**
     * Removes a person who left the school, marked as left in an import of accounts (which checked the caller):
     * the same as {@code DELETE /api/people/{userId}}, so the account, the club membership and the guardian
     * links follow.
     */
    @Transactional
    public void removeLeaver(String schoolId, String userId) {
        if (repository.find(schoolId, userId).isEmpty()) {
            return;
        }
        List<String> guardians = repository.delete(schoolId, userId);
        Instant now = clock.instant();
        events.publishEvent(new PersonRemoved(UUID.randomUUID(), schoolId, now, userId));
        for (String guardian : guardians) {
            repository.find(schoolId, guardian).ifPresent(g -> events.publishEvent(PersonUpdated.of(g, now)));
        }
    }

    /** The user ids of the school's people by the school's own ids for them. */
    @Transactional(readOnly = true)
    public Map<String, String> userIdsByExternalId(String schoolId) {
        return repository.userIdsByExternalId(schoolId);
    }

    @Transactional
    public Person register(RegisterPerson command, String idempotencyKey, CurrentUser caller) {
        String school = managedSchool(caller);
        Optional<String> earlier = creations.earlier(caller.id(), "person", idempotencyKey);
        if (earlier.isPresent()) {
            return repository.find(school, earlier.get()).orElseThrow(() -> new ResourceNotFound("Person"));
        }
        Person person = Person.of(
                school,
                command.userId(),
                PersonRole.fromRealmName(command.role()).orElseThrow(),
                command.grade(),
                command.classLetter(),
                command.guardianOf(),
                command.language(),
                command.givenName(),
                command.familyName());
        checkGuardianLinks(List.of(person), repository.all(school), false);
        Instant now = clock.instant();
        if (!repository.insert(person, now)) {
            throw new StateConflict("person-already-registered", "This person is already in the directory");
        }
        creations.remember(caller.id(), "person", idempotencyKey, person.userId());
        events.publishEvent(PersonRegistered.of(person, now));
        return person;
    }

    @Transactional
    public Person update(String userId, UpdatePerson command, String ifMatch, CurrentUser caller) {
        String school = managedSchool(caller);
        Person current = repository.find(school, userId).orElseThrow(() -> new ResourceNotFound("Person"));
        Versions.check(ifMatch, current.version());
        Person changed = Person.of(
                school,
                userId,
                PersonRole.fromRealmName(command.role()).orElseThrow(),
                command.grade(),
                command.classLetter(),
                command.guardianOf(),
                command.language(),
                command.givenName(),
                command.familyName());
        checkGuardianLinks(List.of(changed), repository.all(school), false);
        if (changed.sameEntryAs(current)) {
            return current;
        }
        if (!repository.update(changed, current.version())) {
            throw new PreconditionFailed();
        }
        events.publishEvent(PersonUpdated.of(changed, clock.instant()));
        return changed.withVersion(current.version() + 1);
    }

    @Transactional
    public void remove(String userId, String ifMatch, CurrentUser caller) {
        String school = managedSchool(caller);
        Person current = repository.find(school, userId).orElseThrow(() -> new ResourceNotFound("Person"));
        Versions.check(ifMatch, current.version());
        List<String> guardians = repository.delete(school, userId);
        Instant now = clock.instant();
        events.publishEvent(new PersonRemoved(UUID.randomUUID(), school, now, userId));
        // A guardian whose child left the directory has a new entry: tell the consumers of guardian links.
        for (String guardian : guardians) {
            repository.find(school, guardian).ifPresent(g -> events.publishEvent(PersonUpdated.of(g, now)));
        }
    }

    @Transactional(readOnly = true)
    public Person get(String userId, CurrentUser caller) {
        return repository.find(managedSchool(caller), userId).orElseThrow(() -> new ResourceNotFound("Person"));
    }

    @Transactional(readOnly = true)
    public Page<Person> list(String role, PageQuery page, CurrentUser caller) {
        String school = managedSchool(caller);
        PersonRole wanted = null;
        if (role != null) {
            wanted = PersonRole.fromRealmName(role)
                    .orElseThrow(() -> new InvalidInput(List.of(new FieldProblem("role", "person.role.known"))));
        }
        return Page.of(repository.page(school, wanted, page), page, repository.count(school, wanted));
    }

    /**
     * Imports a CSV list: every row is checked first and a single problem rejects the whole file;
     * then new people are registered, changed ones updated, and unchanged ones left alone, so the
     * same file imported twice changes nothing.
     */
    @Transactional
    public ImportReport importFile(String csv, CurrentUser caller) {
        String school = managedSchool(caller);
        DirectoryFile file = DirectoryFile.read(school, csv);
        if (!file.isValid()) {
            throw new InvalidInput(file.problems());
        }
        Map<String, Person> existing = repository.all(school);
        checkGuardianLinks(file.people(), existing, true);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        // Students first, so that guardian links of the same file find them.
        List<Person> ordered = new ArrayList<>(file.people());
        ordered.sort((a, b) -> Boolean.compare(!a.isStudent(), !b.isStudent()));
        for (Person person : ordered) {
            Person before = existing.get(person.userId());
            if (before == null) {
                repository.insert(person, now);
                events.publishEvent(PersonRegistered.of(person, now));
                created++;
            } else if (before.sameEntryAs(person)) {
                unchanged++;
            } else {
                if (!repository.update(person, before.version())) {
                    throw new PreconditionFailed();
                }
                events.publishEvent(PersonUpdated.of(person, now));
                updated++;
            }
        }
        return new ImportReport(created, updated, unchanged);
    }

    /** What an import did. */
    public record ImportReport(int created, int updated, int unchanged) {}

    /** Guardians may only be linked to students of the same school (in the directory or in the same file). */
    private static void checkGuardianLinks(List<Person> incoming, Map<String, Person> existing, boolean rows) {
        Set<String> students = new HashSet<>();
        existing.values().stream().filter(Person::isStudent).forEach(p -> students.add(p.userId()));
        incoming.forEach(p -> {
            if (p.isStudent()) {
                students.add(p.userId());
            } else {
                students.remove(p.userId());
            }
        });
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < incoming.size(); i++) {
            Person p = incoming.get(i);
            if (!students.containsAll(p.guardianOf())) {
                FieldProblem problem = new FieldProblem("guardianOf", "person.guardianOf.unknownStudent");
                problems.add(rows ? problem.inRow(i + 2) : problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Coordinators and admins manage the directory of their own school. */
    private static String managedSchool(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators and admins manage the directory");
        }
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("School"));
    }
}
