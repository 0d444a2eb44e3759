package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.COORDINATOR;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_ERLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** The team: how many mediators a case needs, who does the case work, who never comes back. */
class TeamTest {

    private static final MediationSettings ONE_PEER = new MediationSettings(1, null, 14, ZoneId.of("Asia/Almaty"));
    private static final Mediator DANA = new Mediator(MEDIATOR_DANA, MediatorKind.PEER);
    private static final Mediator ERLAN = new Mediator(MEDIATOR_ERLAN, MediatorKind.PEER);

    @Test
    void young_mediators_co_mediate_by_two_unless_the_school_says_one() {
        Team peers = Team.NONE.mediatedBy(MediatedBy.PEER_MEDIATORS).with(DANA);

        assertThat(peers.isComplete(MediationSettings.DEFAULT)).isFalse();
        assertThat(peers.with(ERLAN).isComplete(MediationSettings.DEFAULT)).isTrue();
        assertThat(peers.isComplete(ONE_PEER)).isTrue();
    }

    @Test
    void a_coordinator_mediates_alone() {
        Team coordinators = Team.NONE.mediatedBy(MediatedBy.COORDINATORS);

        assertThat(coordinators.required(MediationSettings.DEFAULT)).isEqualTo(1);
        assertThat(coordinators
                        .with(new Mediator(COORDINATOR, MediatorKind.COORDINATOR))
                        .isComplete(MediationSettings.DEFAULT))
                .isTrue();
    }

    @Test
    void a_mediator_objected_to_or_in_conflict_leaves_and_is_remembered() {
        Team team = Team.NONE.mediatedBy(MediatedBy.PEER_MEDIATORS).with(DANA).with(ERLAN);

        Team after = team.objectedTo(MEDIATOR_DANA).without(MEDIATOR_DANA).conflictDeclaredBy(MEDIATOR_ERLAN);

        assertThat(after.isAssigned(MEDIATOR_DANA)).isFalse();
        assertThat(after.objected()).containsExactly(MEDIATOR_DANA);
        assertThat(after.conflicted()).containsExactly(MEDIATOR_ERLAN);
        assertThat(team.objected())
                .as("a team is a value: the old one is unchanged")
                .isEmpty();
    }

    @Test
    void only_the_peers_leave_when_the_case_goes_to_the_coordinators() {
        Team mixed = Team.NONE
                .mediatedBy(MediatedBy.PEER_MEDIATORS)
                .with(DANA)
                .with(new Mediator(COORDINATOR, MediatorKind.COORDINATOR));

        assertThat(mixed.peers()).containsExactly(DANA);
    }

    @Test
    void the_case_work_is_the_assigned_mediators_and_the_coordinators() {
        Team team = Team.NONE.mediatedBy(MediatedBy.PEER_MEDIATORS).with(DANA);

        team.requireCaseWorker(Cases.dana);
        team.requireCaseWorker(Cases.coordinator);
        assertThatThrownBy(() -> team.requireCaseWorker(Actor.person(MEDIATOR_ERLAN)))
                .isInstanceOfSatisfying(
                        ActorRefused.class, e -> assertThat(e.reason()).isEqualTo("case-team-only"));
        assertThatThrownBy(() -> team.requireAssigned(MEDIATOR_ERLAN))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("mediator-not-assigned"));
    }
}
