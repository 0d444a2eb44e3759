package kz.senim.cases.mediation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The case's individual and joint sessions. An individual session has one party, a joint one at least two;
 * a session is cancelled once; its notes are confidential.
 */
public record Sessions(List<Session> all) {

    public static final Sessions NONE = new Sessions(List.of());

    public Sessions {
        all = List.copyOf(all);
    }

    /**
     * Plans a session with parties of the case.
     *
     * @throws MediationRefused when a participant is no party, or the kind does not fit their number
     */
    Sessions schedule(Session session, List<Party> parties) {
        for (UUID participant : session.participants()) {
            if (parties.stream().noneMatch(p -> p.id().equals(participant))) {
                throw new MediationRefused("unknown-party", "No such party in this case");
            }
        }
        int count = session.participants().size();
        if (session.kind() == SessionKind.INDIVIDUAL && count != 1) {
            throw new MediationRefused("individual-session-has-one-party", "An individual session has one party");
        }
        if (session.kind() == SessionKind.JOINT && count < 2) {
            throw new MediationRefused("joint-session-has-parties", "A joint session has at least two parties");
        }
        List<Session> more = new ArrayList<>(all);
        more.add(session);
        return new Sessions(more);
    }

    static Session planned(SessionKind kind, Instant startsAt, String place, Set<UUID> participants) {
        return new Session(UUID.randomUUID(), kind, startsAt, place, participants, false, null);
    }

    Session session(UUID sessionId) {
        return all.stream()
                .filter(s -> s.id().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new MediationRefused("unknown-session", "No such session in this case"));
    }

    Sessions cancel(UUID sessionId) {
        if (session(sessionId).cancelled()) {
            throw new MediationRefused("session-already-cancelled", "The session is already cancelled");
        }
        return new Sessions(
                all.stream().map(s -> s.id().equals(sessionId) ? s.cancel() : s).toList());
    }

    /** The sessions not cancelled that have not started at {@code now}. */
    List<Session> toCome(Instant now) {
        return all.stream()
                .filter(s -> !s.cancelled() && s.startsAt().isAfter(now))
                .toList();
    }

    /** Every session still to come cancelled; sessions that already started stay as they were. */
    Sessions withoutThoseToCome(Instant now) {
        List<Session> toCome = toCome(now);
        return new Sessions(
                all.stream().map(s -> toCome.contains(s) ? s.cancel() : s).toList());
    }

    Sessions withNotes(UUID sessionId, String notes) {
        Session noted = session(sessionId).withNotes(notes);
        return new Sessions(
                all.stream().map(s -> s.id().equals(sessionId) ? noted : s).toList());
    }

    /** The sessions without their notes: what stays after the purge. */
    Sessions purged() {
        return new Sessions(all.stream().map(s -> s.withNotes(null)).toList());
    }
}
