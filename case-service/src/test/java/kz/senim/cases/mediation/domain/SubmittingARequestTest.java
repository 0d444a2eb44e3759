package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmittingARequestTest {

    @Test
    void a_submitted_request_tells_what_kind_and_how_many_parties_and_nothing_of_its_story() {
        Mediation mediation = Cases.withAdult();

        var event = mediation.submitted();

        assertThat(mediation.status()).isEqualTo(MediationStatus.SUBMITTED);
        assertThat(event.kind()).isEqualTo(RequestKind.MEDIATION);
        assertThat(event.partyCount()).isEqualTo(2);
        assertThat(event.adultParty()).isTrue();
        assertThat(event.aggregateId()).isEqualTo(mediation.id().toString());
        assertThat(event.toString()).doesNotContain("teacher").doesNotContain(Cases.TEACHER);
    }

    @Test
    void no_event_of_a_case_has_room_for_text_or_names() {
        for (Class<?> type : MediationEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()))
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.contains("description")
                            || name.contains("note")
                            || name.contains("text")
                            || name.contains("name")
                            || name.contains("reason") && !type.equals(MediationEvent.MediatorUnassigned.class));
        }
    }

    @Test
    void a_conflict_has_at_least_two_parties_each_listed_once() {
        assertThatThrownBy(() -> Mediation.submit(
                        SCHOOL,
                        Channel.ONLINE_FORM,
                        Urgency.LOW,
                        ALUA,
                        List.of(Party.student(ALUA, 7)),
                        "alone",
                        MediationSettings.DEFAULT,
                        NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("conflict-needs-two-parties"));
        assertThatThrownBy(() -> Mediation.submit(
                        SCHOOL,
                        Channel.ONLINE_FORM,
                        Urgency.LOW,
                        ALUA,
                        List.of(Party.student(ALUA, 7), Party.student(ALUA, 7)),
                        "twice",
                        MediationSettings.DEFAULT,
                        NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("party-listed-twice"));
    }
}
