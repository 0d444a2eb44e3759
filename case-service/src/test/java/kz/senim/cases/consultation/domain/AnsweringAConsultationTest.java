package kz.senim.cases.consultation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kz.senim.cases.consultation.domain.ConsultationEvent.ConsultationAnswered;
import kz.senim.cases.consultation.domain.ConsultationEvent.ConsultationClosed;
import kz.senim.cases.school.domain.Actor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Advice and questions: a coordinator answers or picks a certified young mediator; the asker reads it; then it closes. */
class AnsweringAConsultationTest {

    static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");
    static final Actor asker = Actor.person("student-asker");
    static final Actor coordinator = Actor.coordinator("coordinator-1");
    static final Actor mediator = Actor.person("mediator-1");

    static Consultation asked(ConsultationKind kind) {
        return Consultation.ask("demo-gymnasium-1", kind, asker.userId(), "How do I make peace with a friend?", NOW);
    }

    static void refused(Consultation consultation, ThrowingCallable command, String reason) {
        Consultation.State before = consultation.state();
        assertThatThrownBy(command)
                .isInstanceOfSatisfying(
                        ConsultationRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(consultation.state()).isEqualTo(before);
    }

    @Test
    void a_coordinator_picks_a_certified_young_mediator_for_peer_advice_who_answers_in_the_app() {
        Consultation consultation = asked(ConsultationKind.CONSULTATION);

        consultation.assignAdvisor(coordinator, mediator.userId(), true);
        var events = consultation.answer(mediator, "Talk to them after class", NOW);

        assertThat(consultation.status()).isEqualTo(ConsultationStatus.ANSWERED);
        assertThat(events).singleElement().isInstanceOfSatisfying(ConsultationAnswered.class, e -> {
            assertThat(e.peerAdvice()).isTrue();
            assertThat(e.inMeeting()).isFalse();
        });
        assertThat(consultation.isVisibleTo(mediator)).isTrue();
    }

    @Test
    void peer_advice_comes_only_from_certified_members_and_questions_only_from_coordinators() {
        Consultation consultation = asked(ConsultationKind.CONSULTATION);
        refused(
                consultation,
                () -> consultation.assignAdvisor(coordinator, "trainee", false),
                "mediator-not-certified");
        refused(consultation, () -> consultation.assignAdvisor(mediator, mediator.userId(), true), "coordinators-only");

        Consultation question = asked(ConsultationKind.QUESTION);
        refused(
                question,
                () -> question.assignAdvisor(coordinator, mediator.userId(), true),
                "questions-to-coordinators");
        question.assignAdvisor(coordinator, coordinator.userId(), false);
        assertThat(question.peerAdvice()).isFalse();
    }

    @Test
    void a_consultation_meeting_is_recorded_as_the_answer() {
        Consultation consultation = asked(ConsultationKind.CONSULTATION);
        consultation.assignAdvisor(coordinator, coordinator.userId(), false);

        var events = consultation.recordMeeting(coordinator, NOW.minusSeconds(3600), "Met in room 204", NOW);

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ConsultationAnswered.class,
                        e -> assertThat(e.inMeeting()).isTrue());
        assertThat(consultation.meetingAt()).isEqualTo(NOW.minusSeconds(3600));
    }

    @Test
    void only_the_advisor_or_a_coordinator_answers_and_only_once_assigned() {
        Consultation consultation = asked(ConsultationKind.CONSULTATION);
        refused(consultation, () -> consultation.answer(coordinator, "x", NOW), "consultation-not-ready");
        consultation.assignAdvisor(coordinator, mediator.userId(), true);

        refused(consultation, () -> consultation.answer(asker, "x", NOW), "advisor-only");
        refused(consultation, () -> consultation.answer(Actor.person("another-mediator"), "x", NOW), "advisor-only");
    }

    @Test
    void the_asker_reads_the_answer_and_closes_it_nobody_else_sees_it() {
        Consultation consultation = asked(ConsultationKind.CONSULTATION);
        consultation.assignAdvisor(coordinator, coordinator.userId(), false);
        consultation.answer(coordinator, "Try this", NOW);

        assertThat(consultation.isVisibleTo(asker)).isTrue();
        assertThat(consultation.isVisibleTo(Actor.person("classmate"))).isFalse();
        var events = consultation.close(asker, NOW);

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        ConsultationClosed.class, e -> assertThat(e.status()).isEqualTo(ConsultationStatus.CLOSED));
    }

    @Test
    void the_asker_withdraws_at_any_moment_before_closure() {
        Consultation consultation = asked(ConsultationKind.QUESTION);
        refused(consultation, () -> consultation.withdraw(coordinator, NOW), "only-the-asker-withdraws");

        consultation.withdraw(asker, NOW);

        assertThat(consultation.status()).isEqualTo(ConsultationStatus.WITHDRAWN);
        refused(consultation, () -> consultation.withdraw(asker, NOW), "case-not-open");
    }
}
