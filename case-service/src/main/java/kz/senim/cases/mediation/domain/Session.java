package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An individual or joint mediation session.
 *
 * @param participants the parties taking part
 * @param notes confidential session notes, or {@code null}
 */
public record Session(
        UUID id,
        SessionKind kind,
        Instant startsAt,
        String place,
        Set<UUID> participants,
        boolean cancelled,
        String notes) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startsAt, "startsAt");
        participants = Set.copyOf(participants);
    }

    Session cancel() {
        return new Session(id, kind, startsAt, place, participants, true, notes);
    }

    Session withNotes(String text) {
        return new Session(id, kind, startsAt, place, participants, cancelled, text);
    }
}
