package kz.senim.membership.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(Person p, Instant at) {
        int rows = jdbc.sql("""
                        insert into person (school_id, user_id, role, grade, class_letter, language, given_name, family_name,
                                            registered_at, version)
                        values (:school, :user, :role, :grade, :class, :language, :given, :family, :at, 0)
                        on conflict do nothing
                        """)
                .param("school", p.schoolId())
                .param("user", p.userId())
                .param("role", p.role().name())
                .param("grade", p.grade())
                .param("class", p.classLetter())
                .param("language", p.language())
                .param("given", p.givenName())
                .param("family", p.familyName())
                .param("at", Timestamp.from(at))
                .update();
        if (rows == 1) {
            links(p);
        }
        return rows == 1;
    }

    /** Writes the entry if its version is still {@code expected}; false when someone else changed it. */
    boolean update(Person p, long expected) {
        int rows = jdbc.sql("""
                        update person set role = :role, grade = :grade, class_letter = :class, language = :language,
                               given_name = :given, family_name = :family, version = version + 1
                        where school_id = :school and user_id = :user and version = :version
                        """)
                .param("school", p.schoolId())
                .param("user", p.userId())
                .param("role", p.role().name())
                .param("grade", p.grade())
                .param("class", p.classLetter())
                .param("language", p.language())
                .param("given", p.givenName())
                .param("family", p.familyName())
                .param("version", expected)
                .update();
        if (rows == 1) {
            jdbc.sql("delete from guardian_link where school_id = :school and guardian_id = :user")
                    .param("school", p.schoolId())
                    .param("user", p.userId())
                    .update();
            links(p);
        }
        return rows == 1;
    }

    private void links(Person p) {
        for (String student : p.guardianOf()) {
            jdbc.sql(
                            "insert into guardian_link (school_id, guardian_id, student_id) values (:school, :guardian, :student)")
                    .param("school", p.schoolId())
                    .param("guardian", p.userId())
                    .param("student", student)
                    .update();
        }
    }

    /** Records the school's own id for the person (a pupil number), by which imports find them again. */
    void externalId(String schoolId, String userId, String externalId) {
        jdbc.sql("update person set external_id = :external where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .param("external", externalId)
                .update();
    }

    /** The user ids of the school's entries by their external ids (entries without one are left out). */
    Map<String, String> userIdsByExternalId(String schoolId) {
        Map<String, String> ids = new HashMap<>();
        jdbc.sql("select external_id, user_id from person where school_id = :school and external_id is not null")
                .param("school", schoolId)
                .query((rs, row) -> ids.put(rs.getString(1), rs.getString(2)))
                .list();
        return ids;
    }

    /** Removes the entry and every guardian link to or from it; the ids of guardians who lost a link. */
    List<String> delete(String schoolId, String userId) {
        List<String> guardians = jdbc.sql(
                        "select guardian_id from guardian_link where school_id = :school and student_id = :user order by 1")
                .param("school", schoolId)
                .param("user", userId)
                .query(String.class)
                .list();
        jdbc.sql("delete from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .update();
        return guardians;
    }

    Optional<Person> find(String schoolId, String userId) {
        return jdbc.sql("select * from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .query(PersonRepository::map)
                .optional()
                .map(p -> withLinks(List.of(p)).get(0));
    }

    List<Person> page(String schoolId, PersonRole role, PageQuery page) {
        List<Person> people = jdbc.sql(
                        "select * from person where school_id = :school and (cast(:role as text) is null or role = :role)"
                                + " order by " + page.orderBy() + ", user_id limit :limit offset :offset")
                .param("school", schoolId)
                .param("role", role == null ? null : role.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(PersonRepository::map)
                .list();
        return withLinks(people);
    }

    long count(String schoolId, PersonRole role) {
        return jdbc.sql(
                        "select count(*) from person where school_id = :school and (cast(:role as text) is null or role = :role)")
                .param("school", schoolId)
                .param("role", role == null ? null : role.name())
                .query(Long.class)
                .single();
    }

    Map<String, Person> all(String schoolId) {
        Map<String, Person> byId = new HashMap<>();
        withLinks(jdbc.sql("select * from person where school_id = :school")
                        .param("school", schoolId)
                        .query(PersonRepository::map)
                        .list())
                .forEach(p -> byId.put(p.userId(), p));
        return byId;
    }

    /**
     * The people with the students each is the guardian of. A few people (a page, one entry) read only their own
     * links, by the link's primary key; the whole school reads the school's.
     */
    private List<Person> withLinks(List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<String, TreeSet<String>> links = new HashMap<>();
        boolean few = people.size() <= PageQuery.MAX_SIZE;
        jdbc.sql("select guardian_id, student_id from guardian_link where school_id = :school"
                        + (few ? " and guardian_id in (:guardians)" : ""))
                .param("school", people.get(0).schoolId())
                .params(
                        few
                                ? Map.of(
                                        "guardians",
                                        people.stream().map(Person::userId).toList())
                                : Map.of())
                .query((rs, row) -> links.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        return people.stream()
                .map(p -> new Person(
                        p.schoolId(),
                        p.userId(),
                        p.role(),
                        p.grade(),
                        p.classLetter(),
                        links.getOrDefault(p.userId(), new TreeSet<>()),
                        p.language(),
                        p.givenName(),
                        p.familyName(),
                        p.version()))
                .toList();
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        Integer grade = rs.getObject("grade", Integer.class);
        return new Person(
                rs.getString("school_id"),
                rs.getString("user_id"),
                PersonRole.valueOf(rs.getString("role")),
                grade,
                rs.getString("class_letter"),
                new TreeSet<>(),
                rs.getString("language"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getLong("version"));
    }
}
