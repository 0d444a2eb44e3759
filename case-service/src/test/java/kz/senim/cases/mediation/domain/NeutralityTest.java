package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_FROM_7A;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.school.domain.SchoolClass;
import org.junit.jupiter.api.Test;

/** The neutrality policy on its own: who may join a team, and who may be identified as a party. */
class NeutralityTest {

    private final Neutrality neutrality =
            new Neutrality(List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 7)), Cases.directory);
    private final Team peers = Team.NONE.mediatedBy(MediatedBy.PEER_MEDIATORS);

    @Test
    void a_certified_peer_of_another_class_may_join() {
        assertThat(neutrality.whyNotEligible(peers, Cases.danaCandidate)).isEmpty();
    }

    @Test
    void nobody_of_a_partys_class_mediates() {
        assertThat(reason(neutrality.whyNotEligible(peers, MediatorCandidate.certifiedPeer(MEDIATOR_FROM_7A, null))))
                .isEqualTo("mediator-in-party-class");
    }

    @Test
    void a_party_never_mediates_and_an_uncertified_peer_never_does() {
        assertThat(reason(neutrality.whyNotEligible(peers, MediatorCandidate.certifiedPeer(ALUA, null))))
                .isEqualTo("mediator-is-a-party");
        assertThat(reason(neutrality.whyNotEligible(
                        peers,
                        new MediatorCandidate("student-new", MediatorKind.PEER, false, new SchoolClass(10, "A")))))
                .isEqualTo("mediator-not-certified");
    }

    @Test
    void a_case_for_coordinators_takes_no_peer() {
        Team coordinators = Team.NONE.mediatedBy(MediatedBy.COORDINATORS);

        assertThat(reason(neutrality.whyNotEligible(coordinators, Cases.danaCandidate)))
                .isEqualTo("peer-mediation-not-allowed");
    }

    @Test
    void whoever_was_objected_to_or_declared_a_conflict_never_comes_back() {
        assertThat(reason(neutrality.whyNotEligible(peers.objectedTo(MEDIATOR_DANA), Cases.danaCandidate)))
                .isEqualTo("mediator-objected-by-party");
        assertThat(reason(neutrality.whyNotEligible(peers.conflictDeclaredBy(MEDIATOR_DANA), Cases.danaCandidate)))
                .isEqualTo("mediator-conflict-of-interest");
        assertThat(reason(neutrality.whyNotEligible(
                        peers.with(new Mediator(MEDIATOR_DANA, MediatorKind.PEER)), Cases.danaCandidate)))
                .isEqualTo("mediator-already-assigned");
    }

    @Test
    void a_party_identified_later_is_not_on_the_team_nor_in_a_mediators_class() {
        Team withDana = peers.with(new Mediator(MEDIATOR_DANA, MediatorKind.PEER));
        Cases.Directory directory = new Cases.Directory()
                .student(ALUA, new SchoolClass(7, "A"))
                .student(MEDIATOR_DANA, new SchoolClass(9, "A"))
                .student("student-of-9a", new SchoolClass(9, "A"));
        Neutrality named = new Neutrality(
                List.of(Party.student(ALUA, 7), new Party(UUID.randomUUID(), null, false, 9, "A pupil")), directory);

        assertThat(reason(named.whyNotAParty(withDana, MEDIATOR_DANA))).isEqualTo("mediator-is-a-party");
        assertThat(reason(named.whyNotAParty(withDana, ALUA))).isEqualTo("party-listed-twice");
        assertThat(reason(named.whyNotAParty(withDana, "student-of-9a"))).isEqualTo("mediator-in-party-class");
        assertThat(named.whyNotAParty(withDana, BEKZAT)).isEmpty();
    }

    private static String reason(Optional<MediationRefused> refusal) {
        return refusal.orElseThrow().reason();
    }
}
