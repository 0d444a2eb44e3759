package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.COORDINATOR;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.danaCandidate;
import static kz.senim.cases.mediation.domain.Cases.directory;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.RequestEscalated;
import kz.senim.cases.mediation.domain.MediationEvent.RequestTriaged;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** Equality of the parties: young mediators handle student–student conflicts without a power imbalance only. */
class PeerMediationOnlyBetweenStudentsTest {

    @Test
    void a_conflict_with_an_adult_party_is_never_accepted_for_peer_mediation() {
        Mediation mediation = Cases.withAdult();

        refused(
                mediation,
                () -> mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW),
                "peer-mediation-not-allowed");
    }

    @Test
    void a_conflict_with_an_adult_party_is_mediated_by_a_coordinator_alone() {
        Mediation mediation = Cases.withAdult();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_COORDINATOR_MEDIATION, "teacher involved", false, NOW);

        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "peer-mediation-not-allowed");

        mediation.assign(coordinator, MediatorCandidate.coordinator("coordinator-second"), directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_safeguarding_concern_is_never_peer_mediated() {
        Mediation mediation = Cases.submitted();

        refused(
                mediation,
                () -> mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "bullying", true, NOW),
                "peer-mediation-not-allowed");
    }

    @Test
    void an_escalated_case_is_handled_by_coordinators_and_never_reaches_young_mediators() {
        Mediation mediation = Cases.submitted();

        var events = mediation.triage(coordinator, TriageDecision.ESCALATE, "threat to health", true, NOW);

        assertThat(events).hasExactlyElementsOfTypes(RequestTriaged.class, RequestEscalated.class);
        assertThat(mediation.triage().escalated()).isTrue();
        assertThat(mediation.team().mediatedBy()).isEqualTo(MediatedBy.COORDINATORS);
        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "peer-mediation-not-allowed");
        assertThat(mediation.confidentiality().visibilityFor(Cases.dana)).isEqualTo(Visibility.NONE);
    }

    @Test
    void escalating_during_mediation_takes_the_young_mediators_off_at_once() {
        Mediation mediation = Cases.inMediation();

        var events = mediation.escalate(coordinator, "violence came up in a session", NOW);

        assertThat(events.getFirst()).isInstanceOf(RequestEscalated.class);
        assertThat(events.subList(1, events.size()))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(MediatorUnassigned.class));
        assertThat(mediation.team().mediators()).isEmpty();
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(mediation.confidentiality().visibilityFor(Cases.dana)).isEqualTo(Visibility.NONE);
        assertThat(mediation.confidentiality().visibilityFor(Cases.erlan)).isEqualTo(Visibility.NONE);
    }

    @Test
    void a_coordinator_closes_an_escalated_case_handled_outside_mediation() {
        Mediation mediation = Cases.submitted();
        mediation.triage(coordinator, TriageDecision.ESCALATE, "abuse", true, NOW);

        mediation.close(Actor.coordinator(COORDINATOR), NOW);

        assertThat(mediation.outcome()).contains(Outcome.ESCALATED);
    }

    // ---- equality re-applied when a party turns out to be an adult (issue 15) ------------------

    /** Alua asks about "Mr Kairat", named without an account and taken for a student of 7B. */
    private static Mediation withANamedParty() {
        return Mediation.submit(
                Cases.SCHOOL,
                Channel.ONLINE_FORM,
                Urgency.NORMAL,
                null,
                Cases.ALUA,
                List.of(Party.student(Cases.ALUA, 7), new Party(UUID.randomUUID(), null, false, 7, "Kairat")),
                "He keeps shouting at me",
                MediationSettings.DEFAULT,
                NOW);
    }

    private static UUID named(Mediation mediation) {
        return mediation.parties().stream()
                .filter(p -> p.userId() == null)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static List<MediationEvent> identifiedAsTheTeacher(Mediation mediation, java.time.Instant at) {
        UUID party = named(mediation);
        return mediation.identifyParty(
                coordinator, party, new Party(party, Cases.TEACHER, true, null, null), directory, at);
    }

    private static Mediation peerTeamAssigned() {
        Mediation mediation = withANamedParty();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "two students", false, NOW);
        mediation.assign(coordinator, danaCandidate, directory, NOW);
        mediation.assign(coordinator, Cases.erlanCandidate, directory, NOW);
        return mediation;
    }

    @Test
    void a_party_identified_as_a_teacher_takes_the_case_from_the_young_mediators_to_the_coordinators() {
        Mediation mediation = peerTeamAssigned();
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);

        var events = identifiedAsTheTeacher(mediation, NOW);

        assertThat(mediation.team().mediatedBy()).isEqualTo(MediatedBy.COORDINATORS);
        assertThat(mediation.team().mediators()).isEmpty();
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(events)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                MediatorUnassigned.class,
                                u -> assertThat(u.reason())
                                        .isEqualTo(MediationEvent.UnassignmentReason.BY_COORDINATOR)));
        assertThat(mediation.confidentiality().visibilityFor(Cases.dana)).isEqualTo(Visibility.NONE);
        assertThat(mediation.triage().escalated())
                .as("no safeguarding concern was raised")
                .isFalse();
        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "peer-mediation-not-allowed");
        mediation.assign(coordinator, MediatorCandidate.coordinator("coordinator-second"), directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_case_triaged_for_young_mediators_with_none_assigned_yet_moves_to_the_coordinators_too() {
        Mediation mediation = withANamedParty();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "two students", false, NOW);

        assertThat(identifiedAsTheTeacher(mediation, NOW)).isEmpty();

        assertThat(mediation.team().mediatedBy()).isEqualTo(MediatedBy.COORDINATORS);
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(mediation.requiredMediators()).isOne();
    }

    @Test
    void during_mediation_the_parties_are_asked_again_and_the_sessions_to_come_are_cancelled() {
        Mediation mediation = peerTeamAssigned();
        mediation.askForConsent(Cases.dana, NOW);
        mediation.answerConsent(Cases.alua, ConsentAnswer.given(Cases.partyId(mediation, Cases.ALUA)), directory, NOW);
        mediation.answerConsent(
                coordinator, ConsentAnswer.given(named(mediation)).noted("said yes in person"), directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.IN_MEDIATION);
        mediation.scheduleSession(
                Cases.dana,
                SessionKind.JOINT,
                Cases.later(24 * 60),
                "Room 204",
                java.util.Set.of(Cases.partyId(mediation, Cases.ALUA), named(mediation)),
                NOW);

        var events = identifiedAsTheTeacher(mediation, Cases.later(5));

        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        assertThat(mediation.consents()).isEmpty();
        assertThat(events)
                .filteredOn(MediationEvent.SessionCancelled.class::isInstance)
                .hasSize(1);
        assertThat(mediation.sessions()).allMatch(Session::cancelled);
    }

    @Test
    void a_coordinator_already_on_the_team_carries_on_alone() {
        Mediation mediation = withANamedParty();
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "two students", false, NOW);
        mediation.assign(coordinator, MediatorCandidate.coordinator(COORDINATOR), directory, NOW);
        assertThat(mediation.status()).as("one of two").isEqualTo(MediationStatus.TRIAGED);

        identifiedAsTheTeacher(mediation, NOW);

        assertThat(mediation.team().mediators()).extracting(Mediator::userId).containsExactly(COORDINATOR);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }

    @Test
    void a_party_identified_as_a_student_keeps_the_young_mediators() {
        Mediation mediation = peerTeamAssigned();
        UUID party = named(mediation);

        var events = mediation.identifyParty(
                coordinator, party, new Party(party, Cases.BEKZAT, false, 7, null), directory, NOW);

        assertThat(events).isEmpty();
        assertThat(mediation.team().mediatedBy()).isEqualTo(MediatedBy.PEER_MEDIATORS);
        assertThat(mediation.team().mediators()).hasSize(2);
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
    }
}
