package kz.senim.cases.mediation.domain;

import static kz.senim.cases.mediation.domain.Cases.ALUA;
import static kz.senim.cases.mediation.domain.Cases.NOW;
import static kz.senim.cases.mediation.domain.Cases.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SubmittingARequestTest {

    @Test
    void a_submitted_request_tells_what_kind_and_how_many_parties_and_nothing_of_its_story() {
        Mediation mediation = Cases.withAdult();

        var event = mediation.submitted(roles(Cases.TEACHER, "teacher"));

        assertThat(mediation.status()).isEqualTo(MediationStatus.SUBMITTED);
        assertThat(event.kind()).isEqualTo(RequestKind.MEDIATION);
        assertThat(event.partyCount()).isEqualTo(2);
        assertThat(event.adultParty()).isTrue();
        assertThat(event.studentParties()).isEqualTo(1);
        assertThat(event.teacherParties()).isEqualTo(1);
        assertThat(event.parentParties()).isZero();
        assertThat(event.otherAdultParties()).isZero();
        assertThat(event.aggregateId()).isEqualTo(mediation.id().toString());
        // a count of teacher parties, but neither the story nor who
        assertThat(event.toString()).doesNotContain("A conflict with").doesNotContain(Cases.TEACHER);
    }

    @Test
    void who_the_conflict_is_between_is_told_as_counts_of_students_teachers_parents_and_other_adults() {
        Mediation mediation = Mediation.submit(
                SCHOOL,
                Channel.IN_PERSON,
                Urgency.HIGH,
                null,
                Cases.COORDINATOR,
                List.of(
                        Party.student(ALUA, 7),
                        Party.student(Cases.BEKZAT, 7),
                        Party.adult(Cases.PARENT_OF_ALUA),
                        Party.adult(Cases.COORDINATOR),
                        new Party(UUID.randomUUID(), null, true, null, "A neighbour")),
                "A quarrel after school",
                MediationSettings.DEFAULT,
                NOW);

        var event = mediation.submitted(roles(Cases.PARENT_OF_ALUA, "parent", Cases.COORDINATOR, "coordinator"));

        assertThat(event.partyCount()).isEqualTo(5);
        assertThat(event.studentParties()).isEqualTo(2);
        assertThat(event.teacherParties()).isZero();
        assertThat(event.parentParties()).isEqualTo(1);
        // a coordinator is not a teacher or parent; a named adult without an account is of unknown role
        assertThat(event.otherAdultParties()).isEqualTo(2);
        assertThat(event.toString()).doesNotContain("neighbour").doesNotContain(Cases.PARENT_OF_ALUA);
    }

    @Test
    void a_conflict_between_students_names_no_adult_kind() {
        var event = Cases.submitted().submitted(userId -> Optional.of("student"));

        assertThat(event.studentParties()).isEqualTo(2);
        assertThat(event.teacherParties() + event.parentParties() + event.otherAdultParties())
                .isZero();
    }

    private static Function<String, Optional<String>> roles(String... userAndRole) {
        Map<String, String> roles = new HashMap<>();
        for (int i = 0; i < userAndRole.length; i += 2) {
            roles.put(userAndRole[i], userAndRole[i + 1]);
        }
        return userId -> Optional.ofNullable(roles.get(userId));
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
                        null,
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
                        null,
                        ALUA,
                        List.of(Party.student(ALUA, 7), Party.student(ALUA, 7)),
                        "twice",
                        MediationSettings.DEFAULT,
                        NOW))
                .isInstanceOfSatisfying(
                        MediationRefused.class, e -> assertThat(e.reason()).isEqualTo("party-listed-twice"));
    }
}
