package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.trustbox.domain.CaseProposal.Status;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseOpened;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseProposalAnswered;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxCaseProposed;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxMessageAnswered;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxMessageReceived;
import kz.senim.cases.trustbox.domain.TrustBoxEvent.TrustBoxSafetyConcernFlagged;

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
    private final List<SafetyConcern> safetyConcerns;
    private CaseProposal caseProposal;

    public TrustBoxThread(
            UUID id, String schoolId, String receiptHash, Instant openedAt, List<TrustBoxMessage> messages) {
        this(id, schoolId, receiptHash, openedAt, messages, List.of());
    }

    public TrustBoxThread(
            UUID id,
            String schoolId,
            String receiptHash,
            Instant openedAt,
            List<TrustBoxMessage> messages,
            List<SafetyConcern> safetyConcerns) {
        this(id, schoolId, receiptHash, openedAt, messages, safetyConcerns, null);
    }

    public TrustBoxThread(
            UUID id,
            String schoolId,
            String receiptHash,
            Instant openedAt,
            List<TrustBoxMessage> messages,
            List<SafetyConcern> safetyConcerns,
            CaseProposal caseProposal) {
        this.caseProposal = caseProposal;
        this.id = Objects.requireNonNull(id);
        this.schoolId = Objects.requireNonNull(schoolId);
        this.receiptHash = Objects.requireNonNull(receiptHash);
        this.openedAt = Objects.requireNonNull(openedAt);
        this.messages = new ArrayList<>(messages);
        this.safetyConcerns = new ArrayList<>(safetyConcerns);
    }

    /**
     * A coordinator flags a concern for the sender's safety: recorded with who and when, for every
     * coordinator of the school to see. Each coordinator's flag is kept, so a second opinion counts.
     */
    public List<TrustBoxEvent> flagSafetyConcern(String coordinatorId, Instant now) {
        Objects.requireNonNull(coordinatorId, "coordinatorId");
        safetyConcerns.add(new SafetyConcern(UUID.randomUUID(), coordinatorId, now));
        return List.of(new TrustBoxSafetyConcernFlagged(UUID.randomUUID(), schoolId, now, id));
    }

    /**
     * A coordinator proposes to open an anonymous case; nothing is opened until the sender agrees.
     * After a refusal it may be proposed again; while a proposal is pending or agreed, or once the
     * case is open, it may not.
     */
    public List<TrustBoxEvent> proposeCase(String coordinatorId, Instant now) {
        Objects.requireNonNull(coordinatorId, "coordinatorId");
        if (caseProposal != null) {
            switch (caseProposal.status()) {
                case PROPOSED, AGREED ->
                    throw new TrustBoxRefused("case-already-proposed", "A case was already proposed");
                case OPENED -> throw new TrustBoxRefused("case-already-opened", "A case was already opened");
                case DECLINED -> {}
            }
        }
        caseProposal = new CaseProposal(Status.PROPOSED, coordinatorId, now, null, null);
        return List.of(new TrustBoxCaseProposed(UUID.randomUUID(), schoolId, now, id));
    }

    /** The sender, with their receipt, agrees to the proposed case or declines it, once. */
    public List<TrustBoxEvent> senderAnswersCaseProposal(boolean agreed, Instant now) {
        if (caseProposal == null || caseProposal.status() != Status.PROPOSED) {
            throw new TrustBoxRefused("no-case-proposal-to-answer", "No proposal waits for an answer");
        }
        caseProposal = new CaseProposal(
                agreed ? Status.AGREED : Status.DECLINED,
                caseProposal.proposedBy(),
                caseProposal.proposedAt(),
                now,
                null);
        return List.of(new TrustBoxCaseProposalAnswered(UUID.randomUUID(), schoolId, now, id, agreed));
    }

    /** Refuses, with the reason, unless the sender agreed to a case that is not open yet. */
    public void requireAgreementToOpenACase() {
        if (caseProposal == null) {
            throw new TrustBoxRefused("no-case-proposed", "No case was proposed to the sender");
        }
        switch (caseProposal.status()) {
            case PROPOSED -> throw new TrustBoxRefused("sender-has-not-agreed", "The sender has not agreed yet");
            case DECLINED -> throw new TrustBoxRefused("sender-declined", "The sender declined");
            case OPENED -> throw new TrustBoxRefused("case-already-opened", "A case was already opened");
            case AGREED -> {}
        }
    }

    /** The agreed case is open; the conversation links to it. */
    public List<TrustBoxEvent> caseOpened(UUID caseId, Instant now) {
        requireAgreementToOpenACase();
        caseProposal = new CaseProposal(
                Status.OPENED,
                caseProposal.proposedBy(),
                caseProposal.proposedAt(),
                caseProposal.answeredAt(),
                Objects.requireNonNull(caseId));
        return List.of(new TrustBoxCaseOpened(UUID.randomUUID(), schoolId, now, id, caseId));
    }

    /** Everything the sender wrote, in order: what an anonymous case opened from it describes. */
    public String senderText() {
        return String.join(
                "\n\n",
                messages.stream()
                        .filter(m -> m.author() == Author.SENDER)
                        .map(TrustBoxMessage::text)
                        .toList());
    }

    public Optional<CaseProposal> caseProposal() {
        return Optional.ofNullable(caseProposal);
    }

    /** The newest safety concern, the one a command just added. */
    public SafetyConcern latestSafetyConcern() {
        return safetyConcerns.getLast();
    }

    public List<SafetyConcern> safetyConcerns() {
        return List.copyOf(safetyConcerns);
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
