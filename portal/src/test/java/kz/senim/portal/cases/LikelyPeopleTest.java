package kz.senim.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linking a named party: the likely people of the directory come first, nobody else is promoted. */
class LikelyPeopleTest {

    private final Map<String, Object> teacher = Map.of("userId", "t-1", "givenName", "Aliya", "familyName", "Abaeva");
    private final Map<String, Object> daniyar =
            Map.of("userId", "s-2", "givenName", "Daniyar", "familyName", "Serikov", "grade", 9, "classLetter", "A");
    private final Map<String, Object> classmate =
            Map.of("userId", "s-3", "givenName", "Aigerim", "familyName", "Nurlanova", "grade", 9);
    private final Map<String, Object> older =
            Map.of("userId", "s-4", "givenName", "Daniel", "familyName", "Ospanov", "grade", 11);
    private final List<Map<String, Object>> directory = List.of(teacher, daniyar, classmate, older);

    @Test
    void a_classmate_named_by_first_name_and_grade_is_first_and_the_teacher_is_not_likely() {
        LikelyPeople.Ranked ranked =
                LikelyPeople.rank(new CaseView.Party("p2", null, false, 9, "Daniyar", false), directory);

        assertThat(ranked.likely()).containsExactly(daniyar, classmate);
        assertThat(ranked.others()).containsExactly(teacher, older);
    }

    @Test
    void a_name_typed_with_a_typo_or_in_another_order_still_matches() {
        assertThat(LikelyPeople.nameScore("serikov daniar", "Daniyar Serikov")).isEqualTo(3);
        assertThat(LikelyPeople.nameScore("Danyar", "Daniyar Serikov")).isEqualTo(1);
        assertThat(LikelyPeople.nameScore("Seri", "Daniyar Serikov")).isEqualTo(2);
        assertThat(LikelyPeople.nameScore("Mr B.", "Daniyar Serikov")).isZero();
    }

    @Test
    void an_adult_named_by_family_name_is_matched_to_an_adult_and_nobody_is_likely_for_an_unknown_name() {
        LikelyPeople.Ranked teacherNamed =
                LikelyPeople.rank(new CaseView.Party("p3", null, true, null, "Ms Abaeva", false), directory);
        assertThat(teacherNamed.likely()).containsExactly(teacher);

        LikelyPeople.Ranked unknown =
                LikelyPeople.rank(new CaseView.Party("p4", null, false, null, "somebody", false), directory);
        assertThat(unknown.likely()).isEmpty();
        assertThat(unknown.others()).containsExactlyElementsOf(directory);
    }
}
