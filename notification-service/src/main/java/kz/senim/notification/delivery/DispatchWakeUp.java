package kz.senim.notification.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mails a stored e-mail as soon as the transaction that stored it commits, instead of at the next
 * scheduled dispatch: that keeps a request's e-mail within a second. Wake-ups coalesce (one run is
 * enough for everything stored before it starts), run on one thread of their own, and are only a
 * shortcut — the scheduled dispatch still finds whatever a wake-up missed, and two runs at once are
 * safe because each claims its rows with {@code SKIP LOCKED}.
 */
@Component
class DispatchWakeUp implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DispatchWakeUp.class);
    private static final Object REGISTERED = new Object();

    private final MailDispatcher dispatcher;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "senim-mail-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    DispatchWakeUp(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Asks for a dispatch after the current transaction commits (at once when there is none). */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            request();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(REGISTERED);
                if (status == STATUS_COMMITTED) {
                    request();
                }
            }
        });
    }

    private void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.execute(this::dispatch);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                pending.set(false);
            }
        }
    }

    private void dispatch() {
        pending.set(false);
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // the scheduled dispatch retries; the cause is logged there too when it persists
            log.warn("Dispatch after commit failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
