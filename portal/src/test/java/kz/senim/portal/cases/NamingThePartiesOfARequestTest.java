package kz.senim.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.senim.portal.web.Viewer;
import org.junit.jupiter.api.Test;

/** A student knows nobody's account: the asker is a party by their own login, everyone else by name. */
class NamingThePartiesOfARequestTest {

    private final Viewer student = new Viewer("student-1", "Aruzhan", "demo-gymnasium-1", Set.of("student"), "token");

    @Test
    void the_asker_who_is_involved_is_a_party_by_account_and_the_others_by_name_and_grade() {
        RequestPages.RequestForm form = new RequestPages.RequestForm();
        form.setNames(List.of(" Daniyar Z. ", "", "Mr Abdikarimov"));
        form.setGrades(List.of("9", "", "7"));
        form.setAdults(List.of("2"));

        List<Map<String, Object>> parties = RequestPages.parties(student, form);

        assertThat(parties)
                .containsExactly(
                        Map.of("userId", "student-1"),
                        Map.of("name", "Daniyar Z.", "adult", false, "grade", 9),
                        Map.of("name", "Mr Abdikarimov", "adult", true));
    }

    @Test
    void an_asker_who_is_not_involved_is_not_a_party_and_a_grade_that_is_no_number_is_left_out() {
        RequestPages.RequestForm form = new RequestPages.RequestForm();
        form.setInvolved(false);
        form.setNames(List.of("Aigerim", "Daniyar"));
        form.setGrades(List.of("tenth", "9"));

        assertThat(RequestPages.parties(student, form))
                .containsExactly(
                        Map.of("name", "Aigerim", "adult", false),
                        Map.of("name", "Daniyar", "adult", false, "grade", 9));
    }

    @Test
    void a_field_the_api_left_out_for_this_viewer_reads_as_nothing() {
        Map<String, Object> seenByAParty =
                Lenient.of(Map.of("status", "IN_MEDIATION", "parties", List.of(Map.of("id", "p1"))));

        assertThat(seenByAParty.containsKey("description")).isTrue();
        assertThat(seenByAParty.get("description")).isNull();
        assertThat(((List<Map<String, Object>>) seenByAParty.get("parties"))
                        .getFirst()
                        .get("grade"))
                .isNull();
    }
}
