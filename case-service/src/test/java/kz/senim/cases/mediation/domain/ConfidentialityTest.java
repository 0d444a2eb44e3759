package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.BEKZAT;
import static kz.senim.cases.mediation.domain.Cases.MEDIATOR_DANA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.PARENT_OF_ALUA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.school.domain.Actor;
import org.junit.jupiter.api.Test;

/** Confidentiality on its own: what each person sees of a case, from its request and its team. */
class ConfidentialityTest {

    private final Request request = new Request(
            UUID.randomUUID(),
            Cases.SCHOOL,
            Channel.ONLINE_FORM,
            Urgency.NORMAL,
            null,
            BEKZAT,
            NOW,
            List.of(Party.student(ALUA, 7), Party.student(BEKZAT, 7)),
            "what happened");
    private final Team team =
            Team.NONE.mediatedBy(MediatedBy.PEER_MEDIATORS).with(new Mediator(MEDIATOR_DANA, MediatorKind.PEER));

    @Test
    void each_sees_what_their_place_in_the_case_gives() {
        Confidentiality confidentiality = new Confidentiality(request, team, MediationSettings.DEFAULT);

        assertThat(confidentiality.visibilityFor(Cases.coordinator)).isEqualTo(Visibility.COORDINATOR);
        assertThat(confidentiality.visibilityFor(Cases.dana)).isEqualTo(Visibility.MEDIATOR);
        assertThat(confidentiality.visibilityFor(Cases.alua)).isEqualTo(Visibility.PARTY);
        assertThat(confidentiality.visibilityFor(Cases.erlan)).isEqualTo(Visibility.NONE);
        assertThat(new Confidentiality(request, Team.NONE, MediationSettings.DEFAULT).visibilityFor(Cases.dana))
                .as("a mediator no longer assigned")
                .isEqualTo(Visibility.NONE);
    }

    @Test
    void the_narrative_is_read_by_its_submitter_the_team_and_the_coordinators() {
        Confidentiality confidentiality = new Confidentiality(request, team, MediationSettings.DEFAULT);

        assertThat(confidentiality.mayReadDescription(Cases.bekzat)).isTrue();
        assertThat(confidentiality.mayReadDescription(Cases.dana)).isTrue();
        assertThat(confidentiality.mayReadDescription(Cases.alua)).isFalse();
    }

    @Test
    void a_guardian_sees_what_their_consent_needs_only_where_the_school_asks_for_it() {
        Actor parent = Actor.person(PARENT_OF_ALUA);
        MediationSettings guardiansBelow9 = new MediationSettings(2, 9, 14, ZoneId.of("Asia/Almaty"));

        Confidentiality asked = new Confidentiality(request, team, guardiansBelow9);
        Confidentiality notAsked = new Confidentiality(request, team, MediationSettings.DEFAULT);

        assertThat(asked.visibilityFor(parent, Cases.directory)).isEqualTo(Visibility.GUARDIAN);
        assertThat(asked.wardsOf(parent, Cases.directory))
                .extracting(Party::userId)
                .containsExactly(ALUA);
        assertThat(notAsked.visibilityFor(parent, Cases.directory)).isEqualTo(Visibility.NONE);
    }
}
