package kz.senim.membership.people.domain;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.membership.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class DirectoryFileTest {

    static final String HEADER = "userId,role,grade,classLetter,guardianOf,language,givenName,familyName\n";

    @Test
    void a_good_file_gives_every_person_with_guardian_links() {
        DirectoryFile file = DirectoryFile.read(
                "school-1",
                HEADER
                        + "s1,student,9,А,,kk,Айгерим,Нұрланова\r\n"
                        + "s2,student,10,Б,,ru,\"Daniyar, Jr.\",Zh\n"
                        + "p1,parent,,,s1;s2,ru,Gulnara,S\n");

        assertThat(file.isValid()).isTrue();
        assertThat(file.people()).extracting(Person::userId).containsExactly("s1", "s2", "p1");
        assertThat(file.people().get(1).givenName()).isEqualTo("Daniyar, Jr.");
        assertThat(file.people().get(2).guardianOf()).containsExactly("s1", "s2");
    }

    @Test
    void columns_may_come_in_any_order_and_a_byte_order_mark_is_ignored() {
        DirectoryFile file = DirectoryFile.read(
                "school-1",
                "\uFEFFrole,userId,grade,classLetter,guardianOf,language,givenName,familyName\nteacher,t1,,,,en,M,A\n");

        assertThat(file.people()).extracting(Person::role).containsExactly(PersonRole.TEACHER);
    }

    @Test
    void every_bad_row_is_reported_with_its_row_number_and_nothing_is_kept() {
        DirectoryFile file = DirectoryFile.read(
                "school-1",
                HEADER
                        + "s1,student,9,A,,kk,A,B\n"
                        + "s2,pupil,nine,A,,kk,A,B\n"
                        + "s1,student,9,A,,kk,A,B\n"
                        + "t1,teacher,,,,en,,B\n"
                        + "x,y\n");

        assertThat(file.isValid()).isFalse();
        assertThat(file.people()).isEmpty();
        assertThat(file.problems())
                .containsExactly(
                        new FieldProblem("rows[3].role", "person.role.known"),
                        new FieldProblem("rows[3].grade", "person.grade.range"),
                        new FieldProblem("rows[4].userId", "directory.row.duplicate"),
                        new FieldProblem("rows[5].givenName", "person.name.required"),
                        new FieldProblem("rows[6]", "directory.row.columns"));
    }

    @Test
    void a_cell_postgresql_cannot_store_is_named_by_row_and_column() {
        DirectoryFile file = DirectoryFile.read(
                "school-1", HEADER + "s1,student,9,A,,kk,A\u0000ida,B\n" + "s2,student,9,A,,kk,A,B\n");

        assertThat(file.isValid()).isFalse();
        assertThat(file.problems()).containsExactly(new FieldProblem("rows[2].givenName", "text.unstorable"));
    }

    @Test
    void a_file_without_the_header_or_without_rows_is_refused() {
        assertThat(DirectoryFile.read("school-1", "id,name\n1,A\n").problems())
                .containsExactly(new FieldProblem("rows[1]", "directory.file.header"));
        assertThat(DirectoryFile.read("school-1", "").problems())
                .containsExactly(new FieldProblem("file", "directory.file.empty"));
    }
}
