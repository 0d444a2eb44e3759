package kz.senim.cases.consultation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kz.senim.cases.consultation.domain.ConsultationEvent.ConsultationAnswered;
import kz.senim.cases.consultation.domain.ConsultationEvent.ConsultationClosed;
import kz.senim.cases.consultation.domain.ConsultationEvent.ConsultationRequested;
import kz.senim.cases.school.domain.Actor;

/**
 * A consultation or a question: someone asks, a coordinator answers or picks a certified young
 * mediator for peer advice, the answer is given in the app or in a meeting that is recorded, the
 * asker reads it, and it is closed. Only the asker, the advisor while assigned and the school's
 * coordinators see it.
 */
public final class Consultation {

    private final UUID id;
    private final String schoolId;
    private final ConsultationKind kind;
    private final String askedBy;
    private final Instant askedAt;
    private String question;
    private ConsultationStatus status;
    private String advisorId;
    private boolean peerAdvice;
    private String answer;
    private Instant meetingAt;
    private Instant answeredAt;
    private Instant closedAt;

    /** Everything a consultation holds, for storage. */
    public record State(
            UUID id,
            String schoolId,
            ConsultationKind kind,
            String askedBy,
            Instant askedAt,
            String question,
            ConsultationStatus status,
            String advisorId,
            boolean peerAdvice,
            String answer,
            Instant meetingAt,
            Instant answeredAt,
            Instant closedAt) {}

    private Consultation(State s) {
        id = Objects.requireNonNull(s.id());
        schoolId = Objects.requireNonNull(s.schoolId());
        kind = Objects.requireNonNull(s.kind());
        askedBy = Objects.requireNonNull(s.askedBy());
        askedAt = Objects.requireNonNull(s.askedAt());
        question = s.question();
        status = Objects.requireNonNull(s.status());
        advisorId = s.advisorId();
        peerAdvice = s.peerAdvice();
        answer = s.answer();
        meetingAt = s.meetingAt();
        answeredAt = s.answeredAt();
        closedAt = s.closedAt();
    }

    public static Consultation restore(State state) {
        return new Consultation(state);
    }

    public State state() {
        return new State(
                id,
                schoolId,
                kind,
                askedBy,
                askedAt,
                question,
                status,
                advisorId,
                peerAdvice,
                answer,
                meetingAt,
                answeredAt,
                closedAt);
    }

    public static Consultation ask(
            String schoolId, ConsultationKind kind, String askedBy, String question, Instant now) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a consultation asks something");
        }
        return new Consultation(new State(
                UUID.randomUUID(),
                schoolId,
                kind,
                askedBy,
                now,
                question,
                ConsultationStatus.SUBMITTED,
                null,
                false,
                null,
                null,
                null,
                null));
    }

    public ConsultationRequested requested() {
        return new ConsultationRequested(UUID.randomUUID(), schoolId, askedAt, id, kind);
    }

    /**
     * A coordinator takes it, or picks a certified young mediator for peer advice. Questions to the
     * club or a leader are answered by coordinators only.
     */
    public List<ConsultationEvent> assignAdvisor(Actor coordinator, String advisor, boolean certifiedMediator) {
        if (!coordinator.coordinator()) {
            throw new ConsultationActorRefused("coordinators-only", "Only a coordinator picks who answers");
        }
        requireStatus(ConsultationStatus.SUBMITTED, ConsultationStatus.ADVISOR_ASSIGNED);
        boolean self = advisor.equals(coordinator.userId());
        if (!self && !certifiedMediator) {
            throw new ConsultationRefused("mediator-not-certified", "Peer advice is given by certified members only");
        }
        if (!self && kind == ConsultationKind.QUESTION) {
            throw new ConsultationRefused("questions-to-coordinators", "Questions are answered by coordinators");
        }
        if (advisor.equals(askedBy)) {
            throw new ConsultationRefused("advisor-is-the-asker", "Nobody advises themselves");
        }
        advisorId = advisor;
        peerAdvice = !self;
        status = ConsultationStatus.ADVISOR_ASSIGNED;
        return List.of();
    }

    /** The advisor (or any coordinator of the school) answers in the app. */
    public List<ConsultationEvent> answer(Actor actor, String text, Instant now) {
        requireAdvisor(actor);
        requireStatus(ConsultationStatus.ADVISOR_ASSIGNED, ConsultationStatus.ANSWERED);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an answer says something");
        }
        answer = text;
        answeredAt = now;
        status = ConsultationStatus.ANSWERED;
        return List.of(
                new ConsultationAnswered(UUID.randomUUID(), schoolId, now, id, kind, false, peerAdvice, askedBy));
    }

    /** The advisor held a consultation meeting and records it (notes are confidential). */
    public List<ConsultationEvent> recordMeeting(Actor actor, Instant heldAt, String notes, Instant now) {
        requireAdvisor(actor);
        requireStatus(ConsultationStatus.ADVISOR_ASSIGNED, ConsultationStatus.ANSWERED);
        meetingAt = Objects.requireNonNull(heldAt);
        answer = notes;
        answeredAt = now;
        status = ConsultationStatus.ANSWERED;
        return List.of(new ConsultationAnswered(UUID.randomUUID(), schoolId, now, id, kind, true, peerAdvice, askedBy));
    }

    /** Once answered, the asker or a coordinator closes it. */
    public List<ConsultationEvent> close(Actor actor, Instant now) {
        if (!actor.coordinator() && !askedBy.equals(actor.userId())) {
            throw new ConsultationActorRefused("asker-or-coordinator-closes", "The asker or a coordinator closes it");
        }
        requireStatus(ConsultationStatus.ANSWERED);
        status = ConsultationStatus.CLOSED;
        closedAt = now;
        return List.of(new ConsultationClosed(UUID.randomUUID(), schoolId, now, id, kind, status));
    }

    /** The asker may take it back at any moment before closure. */
    public List<ConsultationEvent> withdraw(Actor actor, Instant now) {
        if (!askedBy.equals(actor.userId())) {
            throw new ConsultationActorRefused("only-the-asker-withdraws", "Only the asker withdraws");
        }
        if (!status.isOpen()) {
            throw new ConsultationRefused("case-not-open", "It is already closed");
        }
        status = ConsultationStatus.WITHDRAWN;
        closedAt = now;
        return List.of(new ConsultationClosed(UUID.randomUUID(), schoolId, now, id, kind, status));
    }

    /** The asker, the advisor while assigned, and the school's coordinators; nobody else. */
    public boolean isVisibleTo(Actor actor) {
        return actor.coordinator()
                || askedBy.equals(actor.userId())
                || actor.userId().equals(advisorId);
    }

    private void requireAdvisor(Actor actor) {
        if (!actor.coordinator() && !actor.userId().equals(advisorId)) {
            throw new ConsultationActorRefused("advisor-only", "Only the advisor or a coordinator answers");
        }
    }

    private void requireStatus(ConsultationStatus... allowed) {
        if (!status.isOpen()) {
            throw new ConsultationRefused("case-not-open", "It is already closed");
        }
        for (ConsultationStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw new ConsultationRefused("consultation-not-ready", "Not possible while it is " + status);
    }

    public UUID id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public ConsultationKind kind() {
        return kind;
    }

    public String askedBy() {
        return askedBy;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public String question() {
        return question;
    }

    public ConsultationStatus status() {
        return status;
    }

    public String advisorId() {
        return advisorId;
    }

    public boolean peerAdvice() {
        return peerAdvice;
    }

    public String answerText() {
        return answer;
    }

    public Instant meetingAt() {
        return meetingAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
