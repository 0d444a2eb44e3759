package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The triage on its own: equality decides who mediates, and what leaves mediation at once. */
class TriageTest {

    private final Request students = Request.submitted(
            Cases.SCHOOL,
            Channel.ONLINE_FORM,
            Urgency.NORMAL,
            null,
            ALUA,
            List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 7)),
            "a seat",
            NOW);
    private final Request withTeacher = Request.submitted(
            Cases.SCHOOL,
            Channel.ONLINE_FORM,
            Urgency.NORMAL,
            null,
            ALUA,
            List.of(Party.student(ALUA, 7), Party.adult(TEACHER)),
            "a mark",
            NOW);

    @Test
    void peers_mediate_only_between_students_without_a_safeguarding_concern() {
        assertThat(Triage.decide(TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, students)
                        .whoMediates())
                .isEqualTo(MediatedBy.PEER_MEDIATORS);
        assertThatThrownBy(() -> Triage.decide(TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", true, students))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("peer-mediation-not-allowed"));
        assertThatThrownBy(() -> Triage.decide(TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, withTeacher))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("peer-mediation-not-allowed"));
    }

    @Test
    void an_escalated_case_is_for_the_coordinators() {
        Triage escalated = Triage.decide(TriageDecision.ESCALATE, "risk", true, students);

        assertThat(escalated.escalated()).isTrue();
        assertThat(escalated.toMediation()).isTrue();
        assertThat(escalated.whoMediates()).isEqualTo(MediatedBy.COORDINATORS);
    }

    @Test
    void a_declined_or_routed_request_leaves_mediation_with_its_outcome() {
        Triage declined = Triage.decide(TriageDecision.DECLINE, "not a conflict", false, students);
        Triage routed = Triage.decide(TriageDecision.ROUTE_TO_CONSULTATION, "advice", false, students);

        assertThat(declined.toMediation()).isFalse();
        assertThat(declined.outcomeWithoutMediation()).isEqualTo(Outcome.DECLINED);
        assertThat(routed.outcomeWithoutMediation()).isEqualTo(Outcome.ROUTED_TO_CONSULTATION);
    }

    @Test
    void an_anonymous_sender_is_not_routed_and_every_decision_has_a_reason() {
        Request anonymous = Request.fromTrustBox(Cases.SCHOOL, Urgency.NORMAL, "from the trust box", NOW);

        assertThatThrownBy(() -> Triage.decide(TriageDecision.ROUTE_TO_CONSULTATION, "advice", false, anonymous))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("trust-box-case-not-routable"));
        assertThatThrownBy(() -> Triage.decide(TriageDecision.DECLINE, " ", false, students))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_purge_keeps_the_decision_not_the_reason() {
        Triage purged =
                Triage.decide(TriageDecision.ESCALATE, "risk", true, students).purged();

        assertThat(purged.reason()).isNull();
        assertThat(purged.decision()).isEqualTo(TriageDecision.ESCALATE);
        assertThat(purged.escalated()).isTrue();
    }
}
