package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxMessageAnswered;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxMessageReceived;

/**
 * An anonymous two-way conversation between a sender and the school's coordinators. It knows
 * nothing about the sender: not a user, not an address, not a device; only the hash of the
 * receipt they were given.
 */
public final class TrustBoxThread {

    private final UUID id;
    private final String schoolId;
    private final String receiptHash;
    private final Instant openedAt;
    private final List<TrustBoxMessage> messages;

    public TrustBoxThread(
            UUID id, String schoolId, String receiptHash, Instant openedAt, List<TrustBoxMessage> messages) {
        this.id = Objects.requireNonNull(id);
        this.schoolId = Objects.requireNonNull(schoolId);
        this.receiptHash = Objects.requireNonNull(receiptHash);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.messages = new ArrayList<>(messages);
    }

    /** Someone drops a message into the trust box and is handed a receipt, once. */
    public static TrustBoxThread open(String schoolId, Receipt receipt, String text, Instant now) {
        TrustBoxThread thread = new TrustBoxThread(UUID.randomUUID(), schoolId, receipt.hash(), now, List.of());
        thread.messages.add(new TrustBoxMessage(UUID.randomUUID(), Author.SENDER, null, text, now));
        return thread;
    }

    public TrustBoxMessageReceived opened() {
        return new TrustBoxMessageReceived(UUID.randomUUID(), schoolId, openedAt, id, true);
    }

    /** The sender writes back with their receipt. */
    public List<TrustBoxEvent> senderWrites(String text, Instant now) {
        messages.add(new TrustBoxMessage(UUID.randomUUID(), Author.SENDER, null, text, now));
        return List.of(new TrustBoxMessageReceived(UUID.randomUUID(), schoolId, now, id, false));
    }

    /** A coordinator of the school answers. */
    public List<TrustBoxEvent> coordinatorAnswers(String coordinatorId, String text, Instant now) {
        Objects.requireNonNull(coordinatorId, "coordinatorId");
        messages.add(new TrustBoxMessage(UUID.randomUUID(), Author.COORDINATOR, coordinatorId, text, now));
        return List.of(new TrustBoxMessageAnswered(UUID.randomUUID(), schoolId, now, id));
    }

    /** The newest message, the one a command just added. */
    public TrustBoxMessage latest() {
        return messages.getLast();
    }

    public UUID id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public String receiptHash() {
        return receiptHash;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<TrustBoxMessage> messages() {
        return List.copyOf(messages);
    }
}
