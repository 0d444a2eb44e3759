package kz.senim.training.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.senim.platform.security.Role;
import org.junit.jupiter.api.Test;

class AudienceTest {

    final Audience gradesOneToNine = new Audience(Set.of(AudienceGroup.STUDENTS), 1, 9);

    @Test
    void a_lesson_for_grades_1_to_9_includes_a_fifth_grader_but_not_a_tenth_grader() {
        assertThat(gradesOneToNine.includes(Set.of(Role.STUDENT), 5)).isTrue();
        assertThat(gradesOneToNine.includes(Set.of(Role.STUDENT), 10)).isFalse();
    }

    @Test
    void a_student_of_unknown_grade_is_not_in_a_grade_limited_audience_but_is_in_an_open_one() {
        assertThat(gradesOneToNine.includes(Set.of(Role.STUDENT), null)).isFalse();
        assertThat(new Audience(Set.of(AudienceGroup.STUDENTS), null, null).includes(Set.of(Role.STUDENT), null))
                .isTrue();
    }

    @Test
    void parent_and_teacher_sessions_are_for_parents_and_teachers_only() {
        Audience parents = new Audience(Set.of(AudienceGroup.PARENTS), null, null);

        assertThat(parents.includes(Set.of(Role.PARENT), null)).isTrue();
        assertThat(parents.includes(Set.of(Role.TEACHER), null)).isFalse();
        assertThat(parents.includes(Set.of(Role.STUDENT), 7)).isFalse();
    }

    @Test
    void mediator_trainings_are_for_young_mediators() {
        Audience mediators = new Audience(Set.of(AudienceGroup.MEDIATORS), null, null);

        assertThat(mediators.includes(Set.of(Role.STUDENT, Role.MEDIATOR), 9)).isTrue();
        assertThat(mediators.includes(Set.of(Role.STUDENT), 9)).isFalse();
    }
}
