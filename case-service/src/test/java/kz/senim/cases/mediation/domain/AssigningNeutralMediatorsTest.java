package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_ERLAN;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_FROM_7A;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.alua;
import static kz.senim.cases.mediation.domain.Cases.bekzat;
import static kz.senim.cases.mediation.domain.Cases.coordinator;
import static kz.senim.cases.mediation.domain.Cases.dana;
import static kz.senim.cases.mediation.domain.Cases.danaCandidate;
import static kz.senim.cases.mediation.domain.Cases.directory;
import static kz.senim.cases.mediation.domain.Cases.erlanCandidate;
import static kz.senim.cases.mediation.domain.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorAssigned;
import kz.senim.cases.mediation.domain.MediationEvent.MediatorUnassigned;
import kz.senim.cases.mediation.domain.MediationEvent.UnassignmentReason;
import kz.senim.cases.school.domain.SchoolClass;
import org.junit.jupiter.api.Test;

/** Neutrality: a mediator takes no side, so anyone who could is never assigned. */
class AssigningNeutralMediatorsTest {

    @Test
    void two_certified_mediators_from_other_classes_make_the_team_by_default() {
        Mediation mediation = Cases.triaged();

        var first = mediation.assign(coordinator, danaCandidate, directory, NOW);
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
        mediation.assign(coordinator, erlanCandidate, directory, NOW);

        assertThat(first)
                .singleElement()
                .isInstanceOfSatisfying(
                        MediatorAssigned.class, e -> assertThat(e.mediatorId()).isEqualTo(MEDIATOR_DANA));
        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
        assertThat(mediation.team().mediators())
                .extracting(Mediator::userId)
                .containsExactly(MEDIATOR_DANA, MEDIATOR_ERLAN);
    }

    @Test
    void a_school_may_set_one_mediator_per_case() {
        Mediation mediation = Cases.submitted(new MediationSettings(1, null, 14, ZoneId.of("Asia/Almaty")));
        mediation.triage(coordinator, TriageDecision.ACCEPT_FOR_PEER_MEDIATION, "ok", false, NOW);

        mediation.assign(coordinator, danaCandidate, directory, NOW);

        assertThat(mediation.status()).isEqualTo(MediationStatus.MEDIATORS_ASSIGNED);
        refused(
                mediation,
                () -> mediation.assign(coordinator, erlanCandidate, directory, NOW),
                "mediator-team-complete");
    }

    @Test
    void a_mediator_is_never_a_party() {
        Mediation mediation = Cases.triaged();

        refused(
                mediation,
                () -> mediation.assign(
                        coordinator, MediatorCandidate.certifiedPeer(BEKZAT, new SchoolClass(7, "B")), directory, NOW),
                "mediator-is-a-party");
    }

    @Test
    void a_mediator_is_never_from_the_same_class_as_a_party() {
        Mediation mediation = Cases.triaged();

        refused(
                mediation,
                () -> mediation.assign(
                        coordinator, MediatorCandidate.certifiedPeer(MEDIATOR_FROM_7A, null), directory, NOW),
                "mediator-in-party-class");
        refused(
                mediation,
                () -> mediation.assign(
                        coordinator,
                        MediatorCandidate.certifiedPeer(MEDIATOR_FROM_7A, new SchoolClass(7, "a")),
                        directory,
                        NOW),
                "mediator-in-party-class");
    }

    @Test
    void a_mediator_who_declared_a_conflict_of_interest_is_never_assigned() {
        Mediation mediation = Cases.triaged();
        mediation.declareConflictOfInterest(dana, NOW);

        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "mediator-conflict-of-interest");
    }

    @Test
    void declaring_a_conflict_of_interest_once_assigned_takes_the_mediator_off_the_case() {
        Mediation mediation = Cases.mediatorsAssigned();

        var events = mediation.declareConflictOfInterest(dana, NOW);

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        MediatorUnassigned.class,
                        e -> assertThat(e.reason()).isEqualTo(UnassignmentReason.CONFLICT_OF_INTEREST));
        assertThat(mediation.isAssignedMediator(MEDIATOR_DANA)).isFalse();
        assertThat(mediation.status()).isEqualTo(MediationStatus.TRIAGED);
    }

    @Test
    void only_certified_members_mediate() {
        Mediation mediation = Cases.triaged();

        refused(
                mediation,
                () -> mediation.assign(
                        coordinator,
                        new MediatorCandidate("trainee", MediatorKind.PEER, false, new SchoolClass(10, "A")),
                        directory,
                        NOW),
                "mediator-not-certified");
    }

    @Test
    void a_partys_objection_unassigns_the_mediator_for_good() {
        Mediation mediation = Cases.awaitingConsent();
        mediation.answerConsent(alua, ConsentAnswer.given(Cases.partyId(mediation, ALUA)), directory, NOW);

        var events = mediation.object(bekzat, MEDIATOR_ERLAN, NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(MediatorUnassigned.class, e -> {
            assertThat(e.reason()).isEqualTo(UnassignmentReason.OBJECTION);
            assertThat(e.status()).isEqualTo(MediationStatus.TRIAGED);
        });
        assertThat(mediation.consents()).as("a new team asks the parties again").isEmpty();
        refused(
                mediation,
                () -> mediation.assign(coordinator, erlanCandidate, directory, NOW),
                "mediator-objected-by-party");
    }

    @Test
    void only_a_party_objects_to_a_mediator() {
        Mediation mediation = Cases.mediatorsAssigned();

        refused(mediation, () -> mediation.object(dana, MEDIATOR_ERLAN, NOW), "only-a-party-objects");
        refused(mediation, () -> mediation.object(alua, "not-on-the-case", NOW), "mediator-not-assigned");
    }

    @Test
    void only_a_coordinator_assigns_and_only_after_triage() {
        Mediation submitted = Cases.submitted();
        refused(submitted, () -> submitted.assign(coordinator, danaCandidate, directory, NOW), "case-not-triaged");

        Mediation triaged = Cases.triaged();
        refused(triaged, () -> triaged.assign(dana, erlanCandidate, directory, NOW), "coordinators-only");
    }

    @Test
    void the_same_mediator_is_not_assigned_twice() {
        Mediation mediation = Cases.triaged();
        mediation.assign(coordinator, danaCandidate, directory, NOW);

        refused(
                mediation,
                () -> mediation.assign(coordinator, danaCandidate, directory, NOW),
                "mediator-already-assigned");
    }
}
