package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.MediationStatus.IN_MEDIATION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.school.domain.Actor;

/**
 * The session commands on one case: the team plans and cancels sessions while the case is in mediation, and
 * keeps its confidential notes. They change the parts of the {@link Mediation} they are given, on its one
 * boundary; callers reach them through the case.
 */
final class SessionCommands {

    private final Mediation mediation;

    SessionCommands(Mediation mediation) {
        this.mediation = mediation;
    }

    List<MediationEvent> schedule(
            Actor actor, SessionKind kind, Instant startsAt, String place, Set<UUID> participants, Instant now) {
        mediation.team.requireCaseWorker(actor);
        mediation.status.require("mediation-not-in-progress", IN_MEDIATION);
        Session session = Sessions.planned(kind, startsAt, place, participants);
        mediation.sessions = mediation.sessions.schedule(session, mediation.request.parties());
        return List.of(mediation.raised(now).scheduled(session, mediation.request.parties(), mediation.team));
    }

    List<MediationEvent> cancel(Actor actor, UUID sessionId, Instant now) {
        mediation.team.requireCaseWorker(actor);
        mediation.status.requireOpen();
        Session session = mediation.sessions.session(sessionId);
        mediation.sessions = mediation.sessions.cancel(sessionId);
        return List.of(cancelled(session, now));
    }

    /**
     * Sessions are held only while the case is in mediation: when it ends or loses the team the parties consented
     * to, each session still to come is cancelled with its event, so that nobody comes to one that will not be.
     */
    List<MediationEvent> cancelThoseToCome(Instant now) {
        List<MediationEvent> events = new ArrayList<>();
        for (Session session : mediation.sessions.toCome(now)) {
            events.add(cancelled(session, now));
        }
        mediation.sessions = mediation.sessions.withoutThoseToCome(now);
        return events;
    }

    private MediationEvent cancelled(Session session, Instant now) {
        return mediation.raised(now).cancelled(session, mediation.request.parties(), mediation.team);
    }

    /** Session notes are confidential: no event carries them. */
    List<MediationEvent> recordNotes(Actor actor, UUID sessionId, String notes) {
        mediation.team.requireCaseWorker(actor);
        mediation.status.requireOpen();
        mediation.sessions = mediation.sessions.withNotes(sessionId, notes);
        return List.of();
    }
}
