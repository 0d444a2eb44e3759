package kz.senim.cases.trustbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a conversation; {@code text} is confidential.
 *
 * @param coordinatorId who answered, or {@code null} for the anonymous sender
 */
public record TrustBoxMessage(UUID id, Author author, String coordinatorId, String text, Instant writtenAt) {

    public static final int MAX_LENGTH = 4000;

    public TrustBoxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a message has 1.." + MAX_LENGTH + " characters");
        }
        if ((author == Author.SENDER) != (coordinatorId == null)) {
            throw new IllegalArgumentException("only a coordinator's message names its author");
        }
    }
}
