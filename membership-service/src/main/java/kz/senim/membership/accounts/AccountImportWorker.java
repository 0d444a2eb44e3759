package kz.senim.membership.accounts;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.senim.membership.accounts.AccountImportRepository.AccountImport;
import kz.senim.membership.domain.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries out accepted imports of accounts, one at a time, on a thread of its own (each import makes its
 * accounts on a few threads, see {@link Accounts#carryOut}). It looks for work when an import is accepted and
 * every {@code senim.accounts.import-poll} (2 s); it takes the oldest queued import, or a running one whose worker
 * has been silent for {@code senim.accounts.import-lease} (2 min: a service that crashed), and counts the rows
 * done in the database. A worker that stops gives its import back to the queue. Taking an import up again goes
 * through every row again: what was done changes nothing, a username reserved by the interrupted run is finished
 * (decision 99), so nothing is doubled. Logs carry the import's id and counts only.
 */
@Component
@EnableConfigurationProperties(ImportSettings.class)
@ConditionalOnProperty(name = "senim.accounts.import-worker", havingValue = "true", matchIfMissing = true)
class AccountImportWorker {

    private static final Logger log = LoggerFactory.getLogger(AccountImportWorker.class);

    private final Accounts accounts;
    private final AccountImportRepository repository;
    private final Clock clock;
    private final Duration poll;
    private final Duration lease;
    private final String name = "worker-" + UUID.randomUUID();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "senim-account-imports");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    AccountImportWorker(Accounts accounts, AccountImportRepository repository, Clock clock, ImportSettings settings) {
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock;
        this.poll = settings.importPoll();
        this.lease = settings.importLease();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::work, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An import was accepted: look for work now rather than at the next poll. */
    void nudge() {
        if (!stopping) {
            thread.execute(this::work);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        thread.shutdownNow();
        thread.awaitTermination(30, TimeUnit.SECONDS);
        repository.release(name);
    }

    /** Does every import waiting for a worker; package-visible so a test can drive a worker that is not started. */
    void work() {
        try {
            Optional<String> next;
            while (!stopping
                    && (next = repository.claim(
                                    name, clock.instant(), clock.instant().minus(lease)))
                            .isPresent()) {
                run(next.get());
            }
        } catch (RuntimeException e) {
            // The next poll tries again (the database or Keycloak may be back by then).
            log.warn("Account imports could not be looked for: {}", e.getClass().getName());
        }
    }

    private void run(String id) {
        AccountImport accepted = repository.byId(id).orElseThrow();
        log.info("Account import {} started: {} rows to do", id, accepted.total());
        List<List<String>> lines = repository.lines(id);
        try {
            List<FieldProblem> refused = accounts.carryOut(accepted.schoolId(), lines, accepted.plan(), steps -> {
                if (!repository.stepsDone(id, name, steps, clock.instant())) {
                    throw new LeaseLost();
                }
            });
            if (repository.done(id, name, refused, clock.instant())) {
                log.info("Account import {} done: {} rows, {} refused", id, accepted.total(), refused.size());
            }
        } catch (LeaseLost lost) {
            log.warn("Account import {} was taken over by another worker", id);
        } catch (RuntimeException e) {
            if (stopping) {
                // Given back to the queue by stop(), finished by the next worker.
                return;
            }
            // Only the kind of failure: a message from Keycloak could name a person.
            log.error("Account import {} failed: {}", id, e.getClass().getName());
            repository.failed(id, name, "accounts.import.failed", clock.instant());
        }
    }

    /** Another worker has taken the import over (this one was silent longer than the lease). */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
