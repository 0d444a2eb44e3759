package kz.senim.platform.events;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the outbox's hand-overs to Kafka on one thread, in the order their transactions committed.
 *
 * <p>A transaction that publishes a {@link SenimEvent} takes a ticket just before it commits, while it
 * still holds its row locks: two transactions that change one aggregate thus take tickets in the order
 * they commit. After commit, Spring Modulith hands each publication over from the committing thread;
 * the hand-over joins that thread's ticket, and tickets are served strictly in order: a ticket's
 * publications are sent only when every earlier transaction has completed and handed its publications
 * over. Publications handed over outside a ticket (resubmissions of failed ones) are sent as they come.
 * A hand-over only adds its publication to the outbox's open Kafka transaction; whenever no hand-over is
 * ready, the thread runs its idle task, which commits that transaction ({@link OutboxProducer}).
 *
 * <p>While a hand-over runs, {@link #handingOver()} says which kind it is: a first attempt in commit
 * order, or a publication handed over again (which {@link OutboxProducer} looks for on the topic first).
 */
class CommitOrder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommitOrder.class);

    /** What the outbox's thread is running. */
    enum HandOver {
        /** A publication handed over by the transaction that committed it: its first attempt. */
        FIRST,
        /** A publication handed over outside its transaction (a resubmission): it may have been sent before. */
        AGAIN
    }

    private static final ThreadLocal<HandOver> handingOver = new ThreadLocal<>();

    private final Object lock = new Object();
    private final ThreadLocal<Long> current = new ThreadLocal<>();
    private final TreeMap<Long, Ticket> open = new TreeMap<>();
    private final Queue<Runnable> unticketed = new ArrayDeque<>();
    private long lastTicket;
    private boolean stopping;
    private final Thread sender;

    private static final class Ticket {
        final Queue<Runnable> handedOver = new ArrayDeque<>();
        boolean completed;
    }

    /** What the outbox's thread does each time it has nothing to send: commit what it sent so far. */
    private final Runnable idle;

    /**
     * @param idle run on the outbox's thread whenever no hand-over is ready (the open Kafka transaction is
     *     committed then), and before the thread stops
     */
    CommitOrder(Runnable idle) {
        this.idle = idle;
        sender = Thread.ofPlatform().name("senim-outbox").daemon().unstarted(this::serve);
        sender.start();
    }

    /** In the publishing transaction: take a ticket just before it commits (once per transaction). */
    @EventListener
    void published(SenimEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                long ticket = take();
                Long previous = current.get();
                current.set(ticket);
                // Registered now, so that it completes after the outbox's own synchronizations have handed over.
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (previous == null) {
                            current.remove();
                        } else {
                            current.set(previous);
                        }
                        complete(ticket);
                    }

                    @Override
                    public int getOrder() {
                        return Ordered.LOWEST_PRECEDENCE;
                    }
                });
            }

            // A transaction suspended for a REQUIRES_NEW one: the inner one takes its own ticket.
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitOrder.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(CommitOrder.this, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitOrder.this);
            }
        });
    }

    private long take() {
        synchronized (lock) {
            long ticket = ++lastTicket;
            open.put(ticket, new Ticket());
            return ticket;
        }
    }

    private void complete(long ticket) {
        synchronized (lock) {
            Ticket t = open.get(ticket);
            if (t != null) {
                t.completed = true;
                lock.notifyAll();
            }
        }
    }

    /** The executor of the externalizer's {@code @Async} hand-overs (see {@link ExternalizationInCommitOrder}). */
    Executor executor() {
        return this::handOver;
    }

    /** The kind of hand-over the calling thread is running, or null outside the outbox's thread. */
    static HandOver handingOver() {
        return handingOver.get();
    }

    /** A hand-over: joins the ticket of the committing thread, if it holds one. */
    private void handOver(Runnable task) {
        Long ticket = current.get();
        synchronized (lock) {
            Ticket t = ticket == null ? null : open.get(ticket);
            if (t != null && !t.completed) {
                t.handedOver.add(as(HandOver.FIRST, task));
            } else {
                unticketed.add(as(HandOver.AGAIN, task));
            }
            lock.notifyAll();
        }
    }

    private static Runnable as(HandOver kind, Runnable task) {
        return () -> {
            handingOver.set(kind);
            try {
                task.run();
            } finally {
                handingOver.remove();
            }
        };
    }

    private void serve() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = nextTask();
            }
            if (next == null) {
                // Nothing more to add to the open transaction for now: commit it before waiting.
                run(idle);
                synchronized (lock) {
                    next = nextTask();
                    while (next == null) {
                        if (stopping && open.isEmpty() && unticketed.isEmpty()) {
                            return;
                        }
                        try {
                            lock.wait(stopping ? 100 : 0);
                        } catch (InterruptedException e) {
                            return;
                        }
                        next = nextTask();
                    }
                }
            }
            run(next);
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Externalizing a publication failed: {}", e.getClass().getName());
        }
    }

    /** The next publication in commit order, or null when the oldest open transaction has not completed yet. */
    private Runnable nextTask() {
        if (!unticketed.isEmpty()) {
            return unticketed.poll();
        }
        while (!open.isEmpty()) {
            Map.Entry<Long, Ticket> oldest = open.firstEntry();
            Ticket ticket = oldest.getValue();
            if (!ticket.handedOver.isEmpty()) {
                return ticket.handedOver.poll();
            }
            if (!ticket.completed) {
                return null;
            }
            open.pollFirstEntry();
        }
        return null;
    }

    /** Sends what was handed over (waiting at most ten seconds), then stops. */
    @Override
    public void destroy() throws InterruptedException {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
        sender.join(10_000);
    }
}
