package kz.senim.membership.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.senim.membership.people.domain.PersonRole;
import org.junit.jupiter.api.Test;

class ImportPreviewTest {

    static final String HEADER =
            "externalId,role,grade,classLetter,guardianOf,language,givenName,familyName,email,status";

    static AccountFile file(String... rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return AccountFile.read(kz.senim.membership.people.domain.DirectoryFile.parse(csv.toString()));
    }

    static ImportPlan.Known knownStudent(boolean disabled) {
        return new ImportPlan.Known(
                PersonRole.STUDENT, disabled, 7, "А", Set.of(), "kk", "Айгерим", "Нұрланова", false);
    }

    @Test
    void new_people_are_created_known_ones_unchanged_and_leavers_disabled() {
        AccountFile file = file(
                "s-1,student,7,А,,kk,Айгерим,Нұрланова,,",
                "s-2,student,8,Б,,ru,Тимур,Касымбеков,,",
                "s-3,student,7,А,,kk,Айгерим,Нұрланова,,left",
                "p-1,parent,,,s-2,ru,Нурлан,Касымбеков,n@example.org,");
        assertThat(file.problems()).isEmpty();

        ImportPlan plan = ImportPlan.of(
                file.rows(), Map.of("s-1", knownStudent(false), "s-3", knownStudent(false)), role -> true);

        assertThat(plan.create()).extracting(ImportPlan.Step::externalId).containsExactly("s-2", "p-1");
        assertThat(plan.disable()).extracting(ImportPlan.Step::externalId).containsExactly("s-3");
        assertThat(plan.change()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.hasRefusals()).isFalse();
    }

    @Test
    void a_changed_entry_or_a_returning_person_is_a_change() {
        AccountFile file = file("s-1,student,8,А,,kk,Айгерим,Нұрланова,,", "s-3,student,7,А,,kk,Айгерим,Нұрланова,,");

        ImportPlan plan =
                ImportPlan.of(file.rows(), Map.of("s-1", knownStudent(false), "s-3", knownStudent(true)), role -> true);

        assertThat(plan.change()).extracting(ImportPlan.Step::externalId).containsExactly("s-1", "s-3");
    }

    @Test
    void an_email_address_given_for_someone_who_had_none_is_a_change() {
        AccountFile file = file("s-1,student,7,А,,kk,Айгерим,Нұрланова,aigerim@example.org,");

        assertThat(ImportPlan.of(file.rows(), Map.of("s-1", knownStudent(false)), role -> true)
                        .change())
                .extracting(ImportPlan.Step::externalId)
                .containsExactly("s-1");
        ImportPlan.Known withEmail =
                new ImportPlan.Known(PersonRole.STUDENT, false, 7, "А", Set.of(), "kk", "Айгерим", "Нұрланова", true);
        assertThat(ImportPlan.of(file.rows(), Map.of("s-1", withEmail), role -> true)
                        .unchanged())
                .as("an address known already changes nothing")
                .isEqualTo(1);
    }

    @Test
    void a_role_the_caller_may_not_give_a_changed_role_and_an_unknown_child_are_refused_with_their_rows() {
        AccountFile file = file(
                "a-1,admin,,,,en,Big,Boss,,",
                "s-1,teacher,,,,kk,Айгерим,Нұрланова,,",
                "p-1,parent,,,nobody,ru,Нурлан,Касымбеков,,");

        ImportPlan plan =
                ImportPlan.of(file.rows(), Map.of("s-1", knownStudent(false)), role -> role != PersonRole.ADMIN);

        assertThat(plan.refused())
                .extracting(p -> p.field() + " " + p.code())
                .containsExactly(
                        "rows[2].role accounts.role.notGrantable",
                        "rows[3].role accounts.role.changed",
                        "rows[4].guardianOf person.guardianOf.unknownStudent");
        assertThat(plan.create()).isEmpty();
    }

    @Test
    void the_file_names_bad_cells_with_their_rows_and_accepts_any_column_order() {
        AccountFile bad = file("s-1,student,,,,kk,A,B,not-an-email,gone", "s-1,student,7,А,,kk,A,B,,");
        assertThat(bad.problems())
                .extracting(p -> p.field())
                .contains("rows[2].email", "rows[2].status", "rows[2].grade", "rows[3].externalId");

        AccountFile reordered = AccountFile.read(kz.senim.membership.people.domain.DirectoryFile.parse(
                "FamilyName,givenName,language,role,externalId\nНұрланова,Айгерим,kk,teacher,t-1\n"));
        assertThat(reordered.problems()).isEmpty();
        assertThat(reordered.rows()).singleElement().satisfies(row -> {
            assertThat(row.familyName()).isEqualTo("Нұрланова");
            assertThat(row.role()).isEqualTo(PersonRole.TEACHER);
            assertThat(row.left()).isFalse();
        });
        assertThat(AccountFile.read(List.of(List.of("userId", "role"))).problems())
                .extracting(p -> p.field() + " " + p.code())
                .containsExactly("rows[1] accounts.file.header");
    }
}
