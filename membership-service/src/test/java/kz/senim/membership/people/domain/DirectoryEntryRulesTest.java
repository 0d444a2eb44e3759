package kz.senim.membership.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class DirectoryEntryRulesTest {

    @Test
    void a_student_has_a_grade_from_1_to_11_and_a_class_letter() {
        assertThat(Person.rulesBrokenBy("s1", PersonRole.STUDENT, null, null, Set.of(), "kk"))
                .containsExactly(
                        new FieldProblem("grade", "person.grade.required"),
                        new FieldProblem("classLetter", "person.classLetter.required"));
        assertThat(Person.rulesBrokenBy("s1", PersonRole.STUDENT, 12, "А", Set.of(), "kk"))
                .containsExactly(new FieldProblem("grade", "person.grade.range"));
        assertThat(Person.rulesBrokenBy("s1", PersonRole.STUDENT, 9, "Ә", Set.of(), "kk"))
                .isEmpty();
    }

    @Test
    void only_students_have_a_grade_and_class() {
        assertThat(Person.rulesBrokenBy("t1", PersonRole.TEACHER, 9, "A", Set.of(), "ru"))
                .extracting(FieldProblem::code)
                .containsExactly("person.grade.studentsOnly", "person.classLetter.studentsOnly");
    }

    @Test
    void only_parents_are_guardians_and_never_of_themselves() {
        assertThat(Person.rulesBrokenBy("t1", PersonRole.TEACHER, null, null, Set.of("s1"), "ru"))
                .extracting(FieldProblem::code)
                .containsExactly("person.guardianOf.parentsOnly");
        assertThat(Person.rulesBrokenBy("p1", PersonRole.PARENT, null, null, Set.of("p1"), "ru"))
                .extracting(FieldProblem::code)
                .containsExactly("person.guardianOf.self");
        assertThat(Person.rulesBrokenBy("p1", PersonRole.PARENT, null, null, Set.of("s1", "s2"), "ru"))
                .isEmpty();
    }

    @Test
    void the_preferred_language_is_kazakh_russian_or_english() {
        assertThat(Person.rulesBrokenBy("p1", PersonRole.PARENT, null, null, Set.of(), "de"))
                .extracting(FieldProblem::code)
                .containsExactly("person.language.known");
    }

    @Test
    void an_entry_breaking_rules_is_refused_with_every_problem() {
        assertThatThrownBy(
                        () -> Person.of("school-1", "s1", PersonRole.STUDENT, null, "AB12", Set.of(), "xx", "A", "B"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("grade", "classLetter", "language"));
    }

    @Test
    void entries_saying_the_same_are_the_same_whatever_their_version() {
        Person a = Person.of("school-1", "s1", PersonRole.STUDENT, 9, "A", Set.of(), "kk", "Aru", "Sei");
        assertThat(a.sameEntryAs(a.withVersion(3))).isTrue();
        assertThat(a.sameEntryAs(
                        Person.of("school-1", "s1", PersonRole.STUDENT, 10, "A", Set.of(), "kk", "Aru", "Sei")))
                .isFalse();
    }
}
