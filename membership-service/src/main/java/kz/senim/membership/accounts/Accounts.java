package kz.senim.membership.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import kz.senim.membership.accounts.AccountRepository.Account;
import kz.senim.membership.accounts.domain.AccountFile;
import kz.senim.membership.accounts.domain.AccountGrants;
import kz.senim.membership.accounts.domain.AccountGrants.Verdict;
import kz.senim.membership.accounts.domain.AccountStatus;
import kz.senim.membership.accounts.domain.FirstLoginCode;
import kz.senim.membership.accounts.domain.ImportPlan;
import kz.senim.membership.accounts.domain.Usernames;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.membership.people.People;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.membership.school.Schools;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.StateConflict;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts of a school's people (issue 13): created in Keycloak from a directory entry, with the school,
 * the language and the realm role of the entry, and linked to it. The Keycloak calls are made outside any
 * database transaction; the username is reserved first (see {@link AccountRepository}), so a second try
 * finishes what a first one started and never makes a second account.
 */
@Service
public class Accounts {

    static final Map<String, String> SORTS =
            Map.of("username", "username", "externalId", "external_id", "role", "role");
    static final int MAX_USERNAME_ATTEMPTS = 100;
    /** Chunks (or single rows) of an import done at the same time. */
    static final int IMPORT_THREADS = 4;
    /** New people of an import made together: one reservation statement, one Keycloak call, one transaction. */
    static final int IMPORT_CHUNK = 25;
    /** Pupils of a class sheet whose codes are set at the same time. */
    static final int SHEET_THREADS = 4;
    /** How far Keycloak's clock may be behind this service's when an earlier attempt is recognised. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final AccountRepository repository;
    private final KeycloakUsers keycloak;
    private final People people;
    private final Schools schools;
    private final TransactionTemplate transaction;
    private final Invitations invitations;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** New people of an import made together; 1 makes each alone, as before decision 143 (a benchmark's baseline). */
    private volatile int importChunk = IMPORT_CHUNK;
    /** Held while an import's chunk picks and reserves its usernames (see {@link #reserveAll}). */
    private final Object reservations = new Object();

    Accounts(
            AccountRepository repository,
            KeycloakUsers keycloak,
            People people,
            Schools schools,
            TransactionTemplate transaction,
            Invitations invitations,
            MessageSource messages,
            Clock clock) {
        this.repository = repository;
        this.invitations = invitations;
        this.messages = messages;
        this.keycloak = keycloak;
        this.people = people;
        this.schools = schools;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** An account and whether this call created it. */
    public record Created(Account account, boolean isNew) {}

    /**
     * Creates the person's account and directory entry; the same external id again answers the account it
     * made the first time.
     */
    public Created create(String schoolId, CreateAccount command, CurrentUser caller) {
        PersonRole role = PersonRole.fromRealmName(command.role()).orElseThrow();
        authorize(schoolId, role, caller);
        Map<String, String> byExternalId = people.userIdsByExternalId(schoolId);
        Set<String> children = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String child : command.guardianOf() == null ? Set.<String>of() : command.guardianOf()) {
            String id = byExternalId.get(child);
            if (id == null) {
                problems.add(new FieldProblem("guardianOf", "person.guardianOf.unknownStudent"));
                break;
            }
            children.add(id);
        }
        problems.addAll(Person.rulesBrokenBy(
                command.externalId(), role, command.grade(), command.classLetter(), children, command.language()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Optional<Account> earlier = repository.find(schoolId, command.externalId());
        if (earlier.isPresent() && earlier.get().created() && earlier.get().role() != role) {
            throw new StateConflict(
                    "external-id-has-another-role", "This external id has an account with another role");
        }
        return createOne(schoolId, role, command, children, earlier);
    }

    /** Creates (or, for a known external id, finds and links) the account of an entry the caller may create. */
    private Created createOne(
            String schoolId, PersonRole role, CreateAccount command, Set<String> children, Optional<Account> earlier) {
        if (earlier.isPresent() && earlier.get().created()) {
            Account account = earlier.get();
            if (account.status().equals("DISABLED")
                    && people.entryOf(schoolId, account.userId()).isEmpty()) {
                // A person who left and comes back gets the same account again (one disabled by an admin while
                // still in the directory stays disabled: only the enable command enables it).
                keycloak.enable(account.userId(), true);
                repository.status(account.userId(), "ACTIVE");
                account = repository.find(schoolId, command.externalId()).orElseThrow();
            }
            if (command.email() != null
                    && !account.hasEmail()
                    && account.status().equals("ACTIVE")) {
                // An address added later (an import, or the same person created again): Keycloak gets it (to be
                // confirmed) and the person their invitation.
                if (!keycloak.addEmail(account.userId(), command.email())) {
                    throw new StateConflict("email-taken", "Another account has this e-mail address");
                }
                repository.hasEmail(account.userId());
                invitations.request(account.userId());
                account = repository.find(schoolId, command.externalId()).orElseThrow();
            }
            link(account, command, children);
            return new Created(account, false);
        }
        String userId =
                earlier.isPresent() ? finishPending(earlier.get(), command) : createNew(schoolId, role, command);
        if (!keycloak.grantRealmRole(userId, role.realmName())) {
            throw new IllegalStateException("Keycloak lost the account it has just created");
        }
        repository.created(schoolId, command.externalId(), userId);
        Account account = repository.find(schoolId, command.externalId()).orElseThrow();
        link(account, command, children);
        if (command.email() != null) {
            invitations.request(userId);
        }
        return new Created(account, true);
    }

    /** What an import did, or (a dry run) would do. */
    public record ImportReport(
            boolean dryRun,
            List<ImportPlan.Step> created,
            List<ImportPlan.Step> changed,
            List<ImportPlan.Step> disabled,
            List<Refusal> refused,
            int unchanged) {}

    /** A refused row's field, the message key and the message in the caller's language. */
    public record Refusal(String field, String code, String message) {}

    /**
     * Previews an import of a list of accounts (CSV or .xlsx rows, see {@link AccountFile}): what would be
     * created, changed, disabled and refused. Changes nothing.
     */
    public ImportReport preview(String schoolId, List<List<String>> lines, CurrentUser caller) {
        Planned planned = plan(schoolId, lines, caller);
        List<Refusal> explained = planned.refused().stream()
                .map(problem -> explain(problem, LocaleContextHolder.getLocale()))
                .toList();
        ImportPlan plan = planned.plan();
        return new ImportReport(true, plan.create(), plan.change(), plan.disable(), explained, plan.unchanged());
    }

    /**
     * What a real import of the list will do: the whole file is refused (400, every row's problem) when any row
     * is refused; otherwise the plan, to be carried out by {@link #carryOut} (in the background, see
     * {@link AccountImports}).
     */
    public ImportReport planImport(String schoolId, List<List<String>> lines, CurrentUser caller) {
        Planned planned = plan(schoolId, lines, caller);
        if (!planned.refused().isEmpty()) {
            throw new InvalidInput(planned.refused());
        }
        ImportPlan plan = planned.plan();
        return new ImportReport(false, plan.create(), plan.change(), plan.disable(), List.of(), plan.unchanged());
    }

    /** A refused row's problem explained in a language. */
    Refusal explain(FieldProblem problem, java.util.Locale locale) {
        return new Refusal(
                problem.field(), problem.code(), messages.getMessage(problem.code(), null, problem.code(), locale));
    }

    private record Planned(ImportPlan plan, List<FieldProblem> refused) {}

    private Planned plan(String schoolId, List<List<String>> lines, CurrentUser caller) {
        Verdict school = AccountGrants.mayManage(callerOf(caller), schoolId);
        if (school == Verdict.NOT_AN_ADMIN) {
            throw new AccessDeniedException("Only admins manage accounts");
        }
        if (school != Verdict.ALLOWED || schools.find(schoolId).isEmpty()) {
            throw new ResourceNotFound("School");
        }
        AccountFile file = AccountFile.read(lines);
        boolean coordinators = repository.schoolAdminsGrantCoordinator(schoolId);
        Map<String, ImportPlan.Known> known = known(schoolId);
        ImportPlan plan = ImportPlan.of(
                file.rows(),
                known,
                role -> AccountGrants.mayGrant(callerOf(caller), schoolId, role, coordinators) == Verdict.ALLOWED);
        List<FieldProblem> refused = new ArrayList<>(file.problems());
        refused.addAll(plan.refused());
        return new Planned(plan, refused);
    }

    /**
     * Does what {@link #planImport} decided for the list — students first, so that the parents of the same file
     * find their children — calling {@code stepsDone} with the number of rows done as they are done. Doing it again
     * finishes what an interrupted run left and changes nothing that is done (a reserved username is finished, not
     * doubled). A row that cannot be done any more (e.g. no free username) is answered as refused; any other failure
     * is thrown.
     *
     * <p>New people are made {@value #IMPORT_CHUNK} at a time (docs/decisions.md 143): their usernames reserved in
     * one statement, their Keycloak users made with their realm roles in one call, their accounts linked and their
     * directory entries (with their events and invitations) written in one transaction. Everything else — a row of a
     * known account, a username or address Keycloak holds already, a reservation another request made meanwhile — is
     * done one row at a time as {@link #create} does it. Chunks and single rows run on {@value #IMPORT_THREADS}
     * threads.
     *
     * @return the rows refused while carrying out the plan
     */
    public List<FieldProblem> carryOut(
            String schoolId, List<List<String>> lines, ImportReport plan, IntConsumer stepsDone) {
        AccountFile file = AccountFile.read(lines);
        Map<String, AccountFile.Row> byExternalId = new java.util.HashMap<>();
        file.rows().forEach(row -> byExternalId.put(row.externalId(), row));
        List<ImportPlan.Step> upserts = new ArrayList<>(plan.created());
        upserts.addAll(plan.changed());
        Map<String, String> userIds = new ConcurrentHashMap<>(people.userIdsByExternalId(schoolId));
        Set<String> known = new java.util.HashSet<>();
        repository.all(schoolId).forEach(account -> known.add(account.externalId()));
        List<FieldProblem> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        for (boolean students : List.of(true, false)) {
            List<AccountFile.Row> fresh = new ArrayList<>();
            List<Runnable> work = new ArrayList<>();
            int chunkSize = importChunk;
            for (ImportPlan.Step step : upserts) {
                if (step.role().equals(PersonRole.STUDENT.realmName()) != students) {
                    continue;
                }
                AccountFile.Row row = byExternalId.get(step.externalId());
                if (known.contains(step.externalId()) || chunkSize <= 1) {
                    work.add(() -> {
                        upsertOne(schoolId, step.row(), row, userIds, refused);
                        stepsDone.accept(1);
                    });
                } else {
                    fresh.add(row);
                }
            }
            for (int from = 0; from < fresh.size(); from += chunkSize) {
                List<AccountFile.Row> chunk = fresh.subList(from, Math.min(fresh.size(), from + chunkSize));
                work.add(() -> createMany(schoolId, chunk, userIds, refused, stepsDone));
            }
            inParallel(work);
        }
        for (ImportPlan.Step step : plan.disabled()) {
            repository
                    .find(schoolId, step.externalId())
                    .filter(Account::created)
                    .ifPresent(account -> transaction.executeWithoutResult(
                            status -> people.removeLeaver(schoolId, account.userId())));
            stepsDone.accept(1);
        }
        List<FieldProblem> inOrder = new ArrayList<>(refused);
        inOrder.sort(java.util.Comparator.comparing(FieldProblem::field));
        return inOrder;
    }

    /**
     * How many new people of an import are made together from now on; 1 makes each on its own, one Keycloak call
     * for the user and one for its role as before decision 143. For {@code AccountImportBenchmark}'s baseline only.
     */
    void importChunk(int size) {
        this.importChunk = size;
    }

    /**
     * Makes the accounts of new people of an import at once (see {@link #carryOut}); a row that cannot be made this
     * way is done on its own afterwards.
     */
    private void createMany(
            String schoolId,
            List<AccountFile.Row> rows,
            Map<String, String> userIds,
            List<FieldProblem> refused,
            IntConsumer stepsDone) {
        Map<String, String> usernames = reserveAll(schoolId, rows);
        List<AccountFile.Row> reserved = rows.stream()
                .filter(row -> usernames.containsKey(row.externalId()))
                .toList();
        List<KeycloakUsers.NewUser> users = new ArrayList<>();
        Map<String, String> roles = new java.util.HashMap<>();
        for (AccountFile.Row row : reserved) {
            String username = usernames.get(row.externalId());
            users.add(new KeycloakUsers.NewUser(
                    username,
                    row.givenName().strip(),
                    row.familyName().strip(),
                    row.email(),
                    schoolId,
                    row.language()));
            roles.put(username, row.role().realmName());
        }
        Map<String, String> made =
                keycloak.createAll(users, roles, clock.instant()).orElse(Map.of());
        Map<String, String> userIdByExternalId = new java.util.LinkedHashMap<>();
        for (AccountFile.Row row : reserved) {
            String id = made.get(usernames.get(row.externalId()));
            if (id != null) {
                userIdByExternalId.put(row.externalId(), id);
            }
        }
        Map<String, AccountFile.Row> byExternalId = new java.util.HashMap<>();
        rows.forEach(row -> byExternalId.put(row.externalId(), row));
        transaction.executeWithoutResult(status -> {
            repository.createdAll(schoolId, userIdByExternalId);
            userIdByExternalId.forEach((externalId, userId) -> {
                AccountFile.Row row = byExternalId.get(externalId);
                Set<String> children = new LinkedHashSet<>();
                row.guardianOf().forEach(child -> children.add(userIds.get(child)));
                people.registerWithAccount(
                        Person.of(
                                schoolId,
                                userId,
                                row.role(),
                                row.grade(),
                                row.classLetter(),
                                children,
                                row.language(),
                                row.givenName(),
                                row.familyName()),
                        externalId);
                if (row.email() != null) {
                    invitations.request(userId);
                }
            });
        });
        userIds.putAll(userIdByExternalId);
        if (!userIdByExternalId.isEmpty()) {
            stepsDone.accept(userIdByExternalId.size());
        }
        for (AccountFile.Row row : rows) {
            if (!userIdByExternalId.containsKey(row.externalId())) {
                upsertOne(schoolId, row.row(), row, userIds, refused);
                stepsDone.accept(1);
            }
        }
    }

    /**
     * Reserves a free username for each row at once: the candidates Senim's accounts hold are read in one query and
     * the reservations written in one statement. One chunk at a time in this instance, so that two chunks of an
     * import do not pick the same candidate; another instance's pick only sends a row to the one-by-one way.
     *
     * @return the username reserved for each row, by external id (rows another request reserved meanwhile are not in
     *     it)
     */
    private Map<String, String> reserveAll(String schoolId, List<AccountFile.Row> rows) {
        synchronized (reservations) {
            Map<String, String> bases = new java.util.LinkedHashMap<>();
            rows.forEach(row -> bases.put(row.externalId(), Usernames.base(row.givenName(), row.familyName())));
            Set<String> taken = repository.usernamesStartingWith(new java.util.HashSet<>(bases.values()));
            Map<String, String> chosen = new java.util.LinkedHashMap<>();
            List<AccountRepository.Reservation> wanted = new ArrayList<>();
            for (AccountFile.Row row : rows) {
                String base = bases.get(row.externalId());
                for (int attempt = 1; attempt <= MAX_USERNAME_ATTEMPTS; attempt++) {
                    String candidate = Usernames.candidate(base, attempt);
                    if (taken.add(candidate)) {
                        chosen.put(row.externalId(), candidate);
                        wanted.add(new AccountRepository.Reservation(
                                row.externalId(), candidate, row.role(), row.email() != null));
                        break;
                    }
                }
            }
            Set<String> done = repository.reserveAll(schoolId, wanted, clock.instant());
            chosen.keySet().retainAll(done);
            return chosen;
        }
    }

    private void upsertOne(
            String schoolId,
            int rowNumber,
            AccountFile.Row row,
            Map<String, String> userIds,
            List<FieldProblem> refused) {
        try {
            upsert(schoolId, row, userIds);
        } catch (StateConflict conflict) {
            refused.add(new FieldProblem("rows[" + rowNumber + "]", "conflict." + conflict.reason()));
        }
    }

    private void upsert(String schoolId, AccountFile.Row row, Map<String, String> userIds) {
        CreateAccount command = new CreateAccount(
                row.externalId(),
                row.role().realmName(),
                row.grade(),
                row.classLetter(),
                row.guardianOf(),
                row.language(),
                row.givenName(),
                row.familyName(),
                row.email());
        Set<String> children = new LinkedHashSet<>();
        row.guardianOf().forEach(child -> children.add(userIds.get(child)));
        Optional<Account> earlier = repository.find(schoolId, row.externalId());
        Created done = createOne(schoolId, row.role(), command, children, earlier);
        userIds.put(row.externalId(), done.account().userId());
        if (!done.isNew()) {
            Person entry = entryOf(done.account(), command, children);
            transaction.executeWithoutResult(status -> people.replaceFromAccounts(entry, row.externalId()));
        }
    }

    /** Does all the work on {@value #IMPORT_THREADS} threads; the first failure is thrown once all have ended. */
    private static void inParallel(List<Runnable> work) {
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(IMPORT_THREADS)) {
            for (Runnable task : work) {
                running.add(pool.submit(task));
            }
        }
        for (Future<?> step : running) {
            try {
                step.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }
    }

    /** What Senim knows of the school's external ids: the account, and the directory entry if there is one. */
    private Map<String, ImportPlan.Known> known(String schoolId) {
        Map<String, Person> entries = people.directoryOf(schoolId);
        Map<String, String> externalByUser = new java.util.HashMap<>();
        people.userIdsByExternalId(schoolId).forEach((external, user) -> externalByUser.put(user, external));
        Map<String, ImportPlan.Known> known = new java.util.HashMap<>();
        for (Account account : repository.all(schoolId)) {
            if (!account.created()) {
                continue;
            }
            Person entry = entries.get(account.userId());
            // Left the school (no entry any more); an account disabled by an admin is still in the directory.
            boolean disabled = entry == null;
            Set<String> guardianOf = new LinkedHashSet<>();
            if (entry != null) {
                entry.guardianOf().forEach(child -> guardianOf.add(externalByUser.getOrDefault(child, child)));
            }
            known.put(
                    account.externalId(),
                    new ImportPlan.Known(
                            account.role(),
                            disabled,
                            entry == null ? null : entry.grade(),
                            entry == null ? null : entry.classLetter(),
                            guardianOf,
                            entry == null ? "" : entry.language(),
                            entry == null ? "" : entry.givenName(),
                            entry == null ? "" : entry.familyName(),
                            account.hasEmail()));
        }
        return known;
    }

    /** A new first-login code of an account, and the username it goes with. */
    public record FirstLogin(String username, String code) {}

    /**
     * Gives the account a new one-time first-login code (a temporary Keycloak password: the person must choose
     * their own at the first sign-in). The code is in the answer only; Senim keeps no copy, so an earlier code
     * cannot be read again — a new one replaces it.
     */
    public FirstLogin newFirstLoginCode(String schoolId, String userId, CurrentUser caller) {
        Account account = manageable(schoolId, userId, caller);
        if (!account.status().equals("ACTIVE")) {
            throw new StateConflict("account-disabled", "The account is disabled");
        }
        String code = FirstLoginCode.generate(random);
        if (!keycloak.setPassword(userId, code, true)) {
            throw new ResourceNotFound("Account");
        }
        return new FirstLogin(account.username(), code);
    }

    /**
     * The account of the school the caller may manage: 403 for someone who is not an admin, 404 for another
     * school's account (or none), 403 {@code role-not-grantable} for an account of a role the caller may not give.
     */
    private Account manageable(String schoolId, String userId, CurrentUser caller) {
        Account account = repository
                .byUser(userId)
                .filter(a -> a.schoolId().equals(schoolId))
                .orElse(null);
        Verdict verdict = AccountGrants.mayManage(callerOf(caller), schoolId);
        if (verdict == Verdict.NOT_AN_ADMIN) {
            throw new AccessDeniedException("Only admins manage accounts");
        }
        if (verdict != Verdict.ALLOWED || account == null) {
            throw new ResourceNotFound("Account");
        }
        authorize(schoolId, account.role(), caller);
        return account;
    }

    /** An account with its status as Keycloak's data says (see {@link AccountStatus}). */
    public record Listed(Account account, AccountStatus status) {}

    /**
     * E-mails the person a new invitation (Keycloak's link to choose a password and confirm the address, valid
     * for the configured lifespan). Earlier links stay valid until they expire or the actions are done.
     */
    public Listed resendInvitation(String schoolId, String userId, CurrentUser caller) {
        Account account = manageable(schoolId, userId, caller);
        if (!account.hasEmail()) {
            throw new StateConflict(
                    "account-without-email", "The person has no e-mail address: give a first-login code");
        }
        Listed listed = withStatus(account);
        if (listed.status() == AccountStatus.DISABLED) {
            throw new StateConflict("account-disabled", "The account is disabled");
        }
        if (!Invitations.stillToCome(listed.status())) {
            throw new StateConflict(
                    "first-sign-in-done", "The person has signed in already; a forgotten password is reset at sign-in");
        }
        invitations.request(userId);
        return listed;
    }

    /**
     * Disables the account and ends its sessions; the person stays in the directory (someone who left the school
     * is removed from it instead, which also disables the account). Disabling a disabled account changes nothing.
     */
    public Listed disable(String schoolId, String userId, CurrentUser caller) {
        Account account = manageable(schoolId, userId, caller);
        keycloak.enable(userId, false);
        keycloak.endSessions(userId);
        repository.status(userId, "DISABLED");
        return withStatus(repository.byUser(account.userId()).orElseThrow());
    }

    /** Enables a disabled account again; 409 for someone who has left the directory (import them again). */
    public Listed enable(String schoolId, String userId, CurrentUser caller) {
        Account account = manageable(schoolId, userId, caller);
        if (people.entryOf(schoolId, userId).isEmpty()) {
            throw new StateConflict(
                    "person-left", "The person has left the school's directory: import or add them again");
        }
        keycloak.enable(userId, true);
        repository.status(userId, "ACTIVE");
        return withStatus(repository.byUser(account.userId()).orElseThrow());
    }

    /** The status of one account, from Keycloak's user (one or two Admin API calls). */
    Listed withStatus(Account account) {
        if (!account.created()) {
            return new Listed(account, AccountStatus.NEVER_SIGNED_IN);
        }
        if (account.status().equals("DISABLED")) {
            return new Listed(account, AccountStatus.DISABLED);
        }
        KeycloakUsers.User user = keycloak.byId(account.userId()).orElse(null);
        if (user == null) {
            return new Listed(account, AccountStatus.DISABLED);
        }
        boolean pending = AccountStatus.firstSignInPending(user.requiredActions());
        boolean password = !pending && keycloak.hasPassword(account.userId());
        return new Listed(
                account,
                AccountStatus.of(user.enabled(), user.requiredActions(), password, account.invitedAt() != null));
    }

    /** Accounts of one role of a school, and how many of them have done their first sign-in. */
    public record RoleProgress(long accounts, long signedIn, long disabled) {}

    /**
     * How far the school's onboarding has come, by role: accounts made, first sign-ins done (Keycloak has no first
     * sign-in action left for the user), disabled. One Admin API search per few hundred users of the school.
     */
    public Map<String, RoleProgress> progress(String schoolId, CurrentUser caller) {
        Verdict verdict = AccountGrants.mayManage(callerOf(caller), schoolId);
        if (verdict == Verdict.NOT_AN_ADMIN) {
            throw new AccessDeniedException("Only admins manage accounts");
        }
        if (verdict != Verdict.ALLOWED || schools.find(schoolId).isEmpty()) {
            throw new ResourceNotFound("School");
        }
        Map<String, KeycloakUsers.User> users = new java.util.HashMap<>();
        keycloak.ofSchool(schoolId).forEach(user -> users.put(user.id(), user));
        Map<PersonRole, long[]> counts = new java.util.EnumMap<>(PersonRole.class);
        for (Account account : repository.all(schoolId)) {
            if (!account.created()) {
                continue;
            }
            long[] count = counts.computeIfAbsent(account.role(), role -> new long[3]);
            count[0]++;
            KeycloakUsers.User user = users.get(account.userId());
            if (account.status().equals("DISABLED") || user == null || !user.enabled()) {
                count[2]++;
            } else if (!AccountStatus.firstSignInPending(user.requiredActions())) {
                count[1]++;
            }
        }
        Map<String, RoleProgress> progress = new java.util.LinkedHashMap<>();
        counts.forEach((role, c) -> progress.put(role.realmName(), new RoleProgress(c[0], c[1], c[2])));
        return progress;
    }

    /** Which class's sheet, in which language. */
    public record ClassSheetRequest(int grade, String classLetter, String language) {}

    /**
     * The printable class sheet: a new first-login code for every pupil of the class who has an active account,
     * no e-mail address and no password of their own yet, as a PDF of slips. The codes are in this PDF only.
     */
    public byte[] classSheet(String schoolId, ClassSheetRequest request, CurrentUser caller) {
        Verdict verdict = AccountGrants.mayManage(callerOf(caller), schoolId);
        if (verdict == Verdict.NOT_AN_ADMIN) {
            throw new AccessDeniedException("Only admins manage accounts");
        }
        if (verdict != Verdict.ALLOWED || schools.find(schoolId).isEmpty()) {
            throw new ResourceNotFound("School");
        }
        String letter = request.classLetter().strip();
        Map<String, Person> pupils = new java.util.HashMap<>();
        people.directoryOf(schoolId).values().stream()
                .filter(Person::isStudent)
                .filter(p -> p.grade() != null && p.grade() == request.grade() && letter.equals(p.classLetter()))
                .forEach(p -> pupils.put(p.userId(), p));
        String className = request.grade() + " " + letter;
        List<Account> candidates = repository.all(schoolId).stream()
                .filter(a -> a.created() && a.status().equals("ACTIVE") && !a.hasEmail())
                .filter(a -> pupils.containsKey(a.userId()))
                .sorted(java.util.Comparator.comparing(
                                (Account a) -> pupils.get(a.userId()).familyName())
                        .thenComparing(a -> pupils.get(a.userId()).givenName()))
                .toList();
        // Each pupil costs Keycloak one read and, for a code, one password (hashed by Keycloak): done on a few threads
        // rather than one after the other, so that a class of 30 stays well within the gateway's 10 s (decision 144).
        List<Future<Optional<ClassSheetPdf.Slip>>> made = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SHEET_THREADS)) {
            for (Account account : candidates) {
                Person pupil = pupils.get(account.userId());
                made.add(pool.submit(() -> newCode(account, pupil, className)));
            }
        }
        List<ClassSheetPdf.Slip> slips = new ArrayList<>();
        for (Future<Optional<ClassSheetPdf.Slip>> slip : made) {
            try {
                slip.get().ifPresent(slips::add);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while making a class sheet", e);
            }
        }
        return ClassSheetPdf.render(className, slips, request.language());
    }

    /**
     * A new first-login code for a pupil of a class sheet, unless they have chosen a password of their own: Keycloak
     * still asks them to choose one ({@code UPDATE_PASSWORD}, which every account Senim makes starts with and a code
     * sets again), or they have no password at all. One read of the user, a second only when that action is gone.
     */
    private Optional<ClassSheetPdf.Slip> newCode(Account account, Person pupil, String className) {
        KeycloakUsers.User user = keycloak.byId(account.userId()).orElse(null);
        if (user == null) {
            return Optional.empty();
        }
        if (!user.requiredActions().contains(KeycloakUsers.UPDATE_PASSWORD) && keycloak.hasPassword(account.userId())) {
            return Optional.empty();
        }
        String code = FirstLoginCode.generate(random);
        if (!keycloak.setPassword(account.userId(), code, true)) {
            return Optional.empty();
        }
        return Optional.of(new ClassSheetPdf.Slip(
                pupil.givenName() + " " + pupil.familyName(), className, account.username(), code));
    }

    /** The accounts of the school. */
    public Page<Listed> list(String schoolId, PageQuery page, CurrentUser caller) {
        if (AccountGrants.mayManage(callerOf(caller), schoolId) != Verdict.ALLOWED
                || schools.find(schoolId).isEmpty()) {
            if (!caller.has(Role.ADMIN)) {
                throw new AccessDeniedException("Only admins manage accounts");
            }
            throw new ResourceNotFound("School");
        }
        return Page.of(
                repository.page(schoolId, page).stream().map(this::withStatus).toList(),
                page,
                repository.count(schoolId));
    }

    /** The district decides whether the school's admins may give the coordinator role. */
    public void allowSchoolAdminsToGrantCoordinator(String schoolId, boolean allowed, CurrentUser caller) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("Only the district admin changes what school admins may do");
        }
        schools.find(schoolId).orElseThrow(() -> new ResourceNotFound("School"));
        repository.schoolAdminsGrantCoordinator(schoolId, allowed);
    }

    /** Whether the school's admins may give the coordinator role (false unless the district allowed it). */
    public boolean schoolAdminsGrantCoordinator(String schoolId, CurrentUser caller) {
        if (AccountGrants.mayManage(callerOf(caller), schoolId) != Verdict.ALLOWED
                || schools.find(schoolId).isEmpty()) {
            throw new ResourceNotFound("School");
        }
        return repository.schoolAdminsGrantCoordinator(schoolId);
    }

    private void authorize(String schoolId, PersonRole role, CurrentUser caller) {
        boolean coordinators = repository.schoolAdminsGrantCoordinator(schoolId);
        Verdict verdict = AccountGrants.mayGrant(callerOf(caller), schoolId, role, coordinators);
        if (verdict == Verdict.ALLOWED && schools.find(schoolId).isEmpty()) {
            verdict = Verdict.NOT_FOUND;
        }
        switch (verdict) {
            case ALLOWED -> {}
            case NOT_FOUND -> throw new ResourceNotFound("School");
            case ROLE_NOT_GRANTABLE -> throw new RoleNotGrantable();
            case NOT_AN_ADMIN -> throw new AccessDeniedException("Only admins manage accounts");
        }
    }

    private static AccountGrants.Caller callerOf(CurrentUser caller) {
        return new AccountGrants.Caller(caller.has(Role.ADMIN), caller.schoolId());
    }

    /** A first attempt: reserve a free username, then create the Keycloak user under it. */
    private String createNew(String schoolId, PersonRole role, CreateAccount command) {
        String base = Usernames.base(command.givenName(), command.familyName());
        for (int attempt = 1; attempt <= MAX_USERNAME_ATTEMPTS; attempt++) {
            String username = Usernames.candidate(base, attempt);
            if (repository.usernameTaken(username)) {
                continue;
            }
            if (!repository.reserve(
                    schoolId, command.externalId(), username, role, command.email() != null, clock.instant())) {
                Optional<Account> raced = repository.find(schoolId, command.externalId());
                if (raced.isPresent()) {
                    // Another request for the same person got there first: finish its reservation.
                    return finishPending(raced.get(), command);
                }
                continue;
            }
            return finishPending(repository.find(schoolId, command.externalId()).orElseThrow(), command);
        }
        throw new StateConflict("username-unavailable", "No free username is left for this name");
    }

    /**
     * Creates the Keycloak user of a reserved username. When Keycloak has that username already, either an
     * earlier attempt for this reservation made it and stopped before linking it (same school, made after the
     * reservation, linked to no account: adopted), or someone else holds it (the reservation moves on to the
     * next free candidate).
     */
    private String finishPending(Account pending, CreateAccount command) {
        String base = Usernames.base(command.givenName(), command.familyName());
        String username = pending.username();
        int next = 2;
        while (next <= MAX_USERNAME_ATTEMPTS) {
            Optional<String> id = keycloak.create(new KeycloakUsers.NewUser(
                    username,
                    command.givenName().strip(),
                    command.familyName().strip(),
                    command.email(),
                    pending.schoolId(),
                    command.language()));
            if (id.isPresent()) {
                return id.get();
            }
            Optional<KeycloakUsers.User> holder = keycloak.byUsername(username);
            if (holder.isPresent() && madeForThisReservation(holder.get(), pending)) {
                return holder.get().id();
            }
            do {
                username = Usernames.candidate(base, next++);
            } while (next <= MAX_USERNAME_ATTEMPTS
                    && !repository.rename(pending.schoolId(), pending.externalId(), username));
        }
        throw new StateConflict("username-unavailable", "No free username is left for this name");
    }

    private boolean madeForThisReservation(KeycloakUsers.User user, Account pending) {
        return pending.schoolId().equals(user.schoolId())
                && user.createdAt().isAfter(pending.createdAt().minus(CLOCK_SKEW))
                && repository.byUser(user.id()).isEmpty();
    }

    /** The directory entry of the account, if it has none yet (a new account, or one of a returning person). */
    private void link(Account account, CreateAccount command, Set<String> children) {
        Person person = entryOf(account, command, children);
        transaction.executeWithoutResult(status -> people.registerWithAccount(person, account.externalId()));
    }

    private static Person entryOf(Account account, CreateAccount command, Set<String> children) {
        return Person.of(
                account.schoolId(),
                account.userId(),
                account.role(),
                command.grade(),
                command.classLetter(),
                children,
                command.language(),
                command.givenName(),
                command.familyName());
    }
}
