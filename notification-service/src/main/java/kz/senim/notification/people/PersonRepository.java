package kz.senim.notification.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PersonRepository {

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Person person) {
        jdbc.sql("""
                        insert into person (user_id, school_id, role, grade, language, guardian_of)
                        values (:user, :school, :role, :grade, :language, :guardianOf)
                        on conflict (user_id) do update set school_id = excluded.school_id, role = excluded.role,
                            grade = excluded.grade, language = excluded.language, guardian_of = excluded.guardian_of
                        """)
                .param("user", person.userId())
                .param("school", person.schoolId())
                .param("role", person.role())
                .param("grade", person.grade())
                .param("language", person.language().getLanguage())
                .param("guardianOf", person.guardianOf().toArray(String[]::new))
                .update();
    }

    void remove(String userId) {
        jdbc.sql("delete from person where user_id = :user")
                .param("user", userId)
                .update();
    }

    public Optional<Person> find(String userId) {
        return jdbc.sql("select * from person where user_id = :user")
                .param("user", userId)
                .query(this::row)
                .optional();
    }

    /** The people of a school with the given role, e.g. its coordinators. */
    public List<String> withRole(String schoolId, String role) {
        return jdbc.sql("select user_id from person where school_id = :school and role = :role order by user_id")
                .param("school", schoolId)
                .param("role", role)
                .query(String.class)
                .list();
    }

    /** Students of a school whose grade lies in the range (inclusive). */
    public List<String> students(String schoolId, int gradeFrom, int gradeTo) {
        return jdbc.sql("""
                        select user_id from person
                        where school_id = :school and role = 'student' and grade between :from and :to
                        order by user_id
                        """)
                .param("school", schoolId)
                .param("from", gradeFrom)
                .param("to", gradeTo)
                .query(String.class)
                .list();
    }

    /** The guardians (parents) of a student. */
    public List<String> guardiansOf(String studentId) {
        return jdbc.sql("select user_id from person where :student = any(guardian_of) order by user_id")
                .param("student", studentId)
                .query(String.class)
                .list();
    }

    /** Parents with a child at the school in the grade range. */
    public List<String> guardiansOfStudents(String schoolId, int gradeFrom, int gradeTo) {
        return jdbc.sql("""
                        select distinct parent.user_id from person parent
                        join person child on child.user_id = any(parent.guardian_of)
                        where parent.school_id = :school and parent.role = 'parent' and child.role = 'student'
                          and child.grade between :from and :to
                        order by parent.user_id
                        """)
                .param("school", schoolId)
                .param("from", gradeFrom)
                .param("to", gradeTo)
                .query(String.class)
                .list();
    }

    /** The club's members (young mediators) at a school. */
    public List<String> clubMembers(String schoolId) {
        return jdbc.sql("select user_id from club_member where school_id = :school order by user_id")
                .param("school", schoolId)
                .query(String.class)
                .list();
    }

    void joinClub(String userId, String schoolId) {
        jdbc.sql(
                        "insert into club_member (user_id, school_id) values (:user, :school) on conflict (user_id) do nothing")
                .param("user", userId)
                .param("school", schoolId)
                .update();
    }

    void leaveClub(String userId) {
        jdbc.sql("delete from club_member where user_id = :user")
                .param("user", userId)
                .update();
    }

    private Person row(ResultSet rs, int row) throws SQLException {
        Array guardianOf = rs.getArray("guardian_of");
        return new Person(
                rs.getString("user_id"),
                rs.getString("school_id"),
                rs.getString("role"),
                rs.getObject("grade", Integer.class),
                Locale.of(rs.getString("language")),
                Arrays.asList((String[]) guardianOf.getArray()));
    }
}
