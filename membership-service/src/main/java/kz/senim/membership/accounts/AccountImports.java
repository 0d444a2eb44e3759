package kz.senim.membership.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.membership.accounts.AccountImportRepository.AccountImport;
import kz.senim.membership.accounts.Accounts.ImportReport;
import kz.senim.membership.accounts.domain.AccountGrants;
import kz.senim.membership.accounts.domain.AccountGrants.Verdict;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.IdempotentRequests;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of a school's list of accounts, carried out in the background: accepting one checks and plans the whole
 * list in the request (a refused row refuses the file, 400, as before) and stores it with its plan; an {@link
 * AccountImportWorker} then does it, keeping its progress in the database, so it survives a restart of the
 * service. With an {@code Idempotency-Key}, a retried request answers the import accepted the first time.
 */
@Service
public class AccountImports {

    /** The kind of resource of an {@code Idempotency-Key} (see {@link IdempotentRequests}). */
    static final String KIND = "account-import";

    private final Accounts accounts;
    private final AccountImportRepository repository;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Optional<AccountImportWorker> worker;

    AccountImports(
            Accounts accounts,
            AccountImportRepository repository,
            IdempotentRequests idempotency,
            TransactionTemplate transaction,
            Clock clock,
            Optional<AccountImportWorker> worker) {
        this.accounts = accounts;
        this.repository = repository;
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Accepts an import: checks and plans it (400 with every refused row; nothing is stored then) and queues it.
     * The same {@code Idempotency-Key} of the same caller again answers the import accepted the first time.
     */
    public AccountImport accept(String schoolId, List<List<String>> lines, String idempotencyKey, CurrentUser caller) {
        Optional<AccountImport> earlier =
                idempotency.earlier(caller.id(), KIND, idempotencyKey).flatMap(id -> repository.find(schoolId, id));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ImportReport plan = accounts.planImport(schoolId, lines, caller);
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            repository.insert(id, schoolId, caller.id(), lines, plan, clock.instant());
            idempotency.remember(caller.id(), KIND, idempotencyKey, id);
        });
        worker.ifPresent(AccountImportWorker::nudge);
        return repository.find(schoolId, id).orElseThrow();
    }

    /** An import of the school, for someone who manages the school's accounts; another school's is 404. */
    public AccountImport find(String schoolId, String importId, CurrentUser caller) {
        Verdict verdict =
                AccountGrants.mayManage(new AccountGrants.Caller(caller.has(Role.ADMIN), caller.schoolId()), schoolId);
        if (verdict == Verdict.NOT_AN_ADMIN) {
            throw new AccessDeniedException("Only admins manage accounts");
        }
        if (verdict != Verdict.ALLOWED) {
            throw new ResourceNotFound("Import");
        }
        return repository.find(schoolId, importId).orElseThrow(() -> new ResourceNotFound("Import"));
    }
}
