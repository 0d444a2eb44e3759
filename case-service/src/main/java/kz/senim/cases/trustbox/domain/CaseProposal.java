package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A coordinator's proposal to open an anonymous case from a conversation, and where it stands.
 *
 * @param answeredAt when the sender agreed or declined, or {@code null}
 * @param caseId the case opened from the conversation, or {@code null}
 */
public record CaseProposal(Status status, String proposedBy, Instant proposedAt, Instant answeredAt, UUID caseId) {

    public enum Status {
        /** Waiting for the sender's answer. */
        PROPOSED,
        /** The sender agreed; a coordinator may open the case. */
        AGREED,
        /** The sender declined; a coordinator may propose again later. */
        DECLINED,
        /** The case is open. */
        OPENED
    }

    public CaseProposal {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        if ((status == Status.PROPOSED) != (answeredAt == null)) {
            throw new IllegalArgumentException("only an answered proposal has an answer time");
        }
        if ((status == Status.OPENED) != (caseId != null)) {
            throw new IllegalArgumentException("only an opened proposal names its case");
        }
    }
}
