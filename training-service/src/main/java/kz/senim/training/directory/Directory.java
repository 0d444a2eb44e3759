package kz.senim.training.directory;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import kz.senim.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What training-service knows of schools and people, from membership's events: a school's time
 * zone and a person's role and grade (no names).
 */
@Component
public class Directory {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Almaty");

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ZoneId timeZoneOf(String schoolId) {
        return jdbc.sql("select time_zone from school where id = :id")
                .param("id", schoolId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElse(DEFAULT_TIME_ZONE);
    }

    public Optional<Integer> gradeOf(String schoolId, String userId) {
        return jdbc.sql("select grade from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .query((rs, row) -> (Integer) rs.getObject("grade"))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    /**
     * A person as an audience sees them: the role of the directory (plus {@code MEDIATOR} for an active
     * club member, whose latest year's status is {@code TRAINEE} or {@code CERTIFIED}) and the grade; empty
     * for someone neither in the school's directory nor in its club.
     */
    public Optional<Person> person(String schoolId, String userId) {
        Optional<Person> listed = jdbc.sql(
                        "select role, grade from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .query((rs, row) -> new Person(
                        Role.fromRealmName(rs.getString("role")).map(Set::of).orElse(Set.of()),
                        (Integer) rs.getObject("grade")))
                .optional();
        boolean member = jdbc.sql("""
                        select status in ('TRAINEE', 'CERTIFIED') from member
                        where school_id = :school and user_id = :user
                        order by school_year desc limit 1
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!member) {
            return listed;
        }
        Person person = listed.orElse(new Person(Set.of(), null));
        Set<Role> roles = EnumSet.of(Role.MEDIATOR);
        roles.addAll(person.roles());
        return Optional.of(new Person(Set.copyOf(roles), person.grade()));
    }

    /** Who a person is to an audience: roles and, for a student, the grade (null when unknown). */
    public record Person(Set<Role> roles, Integer grade) {}

    void school(String schoolId, String timeZone) {
        jdbc.sql("""
                insert into school (id, time_zone) values (:id, :zone)
                on conflict (id) do update set time_zone = excluded.time_zone
                """).param("id", schoolId).param("zone", timeZone).update();
    }

    void person(String schoolId, String userId, String role, Integer grade) {
        jdbc.sql("""
                insert into person (school_id, user_id, role, grade) values (:school, :user, :role, :grade)
                on conflict (school_id, user_id) do update set role = excluded.role, grade = excluded.grade
                """)
                .param("school", schoolId)
                .param("user", userId)
                .param("role", role)
                .param("grade", grade)
                .update();
    }

    void removePerson(String schoolId, String userId) {
        jdbc.sql("delete from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .update();
    }
}
