package kz.senim.cases.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.school.domain.SchoolClass;
import kz.senim.cases.school.domain.SchoolDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of the people of every school and of the club's members, kept from
 * {@code senim.membership.v1}. An older event never overwrites a newer one.
 */
@Repository
public class SchoolPeople {

    private final JdbcClient jdbc;

    SchoolPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The directory of one school, as the rules of mediation ask it. */
    public SchoolDirectory of(String schoolId) {
        return new SchoolDirectory() {
            @Override
            public Optional<SchoolClass> classOf(String userId) {
                return person(schoolId, userId).flatMap(Person::schoolClass);
            }

            @Override
            public boolean isGuardianOf(String guardianUserId, String studentUserId) {
                return person(schoolId, guardianUserId)
                        .map(p -> p.guardianOf().contains(studentUserId))
                        .orElse(false);
            }
        };
    }

    /** Whether membership-service registered this school (the trust box answers 404 for any other). */
    public boolean knowsSchool(String schoolId) {
        return jdbc.sql("select exists (select 1 from school where id = :id)")
                .param("id", schoolId)
                .query(Boolean.class)
                .single();
    }

    void saveSchool(String schoolId, Instant registeredAt) {
        jdbc.sql("insert into school (id, registered_at) values (:id, :at) on conflict do nothing")
                .param("id", schoolId)
                .param("at", Timestamp.from(registeredAt))
                .update();
    }

    public Optional<Person> person(String schoolId, String userId) {
        return jdbc.sql("select * from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .query(SchoolPeople::person)
                .optional();
    }

    /** Certified in the latest school year the club roster knows them in. */
    public boolean isCertifiedMediator(String schoolId, String userId) {
        return jdbc.sql("""
                        select status from club_member where school_id = :school and user_id = :user
                        order by school_year desc limit 1
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query(String.class)
                .optional()
                .map("CERTIFIED"::equals)
                .orElse(false);
    }

    /** Every certified mediator of a school, with the number of open cases each is assigned to. */
    public List<MediatorLoad> certifiedMediators(String schoolId) {
        return membersWithStatus(schoolId, List.of("CERTIFIED"));
    }

    /** The active members (trainees and certified) of a school's club in their latest year, with their load. */
    public List<MediatorLoad> activeMembers(String schoolId) {
        return membersWithStatus(schoolId, List.of("TRAINEE", "CERTIFIED"));
    }

    private List<MediatorLoad> membersWithStatus(String schoolId, List<String> statuses) {
        return jdbc.sql("""
                        select m.user_id, p.grade, p.class_letter,
                               (select count(*) from mediation_case c
                                 where c.school_id = m.school_id and m.user_id = any (c.mediator_ids)
                                   and c.status not in ('CLOSED', 'WITHDRAWN')) as open_cases
                        from (select distinct on (user_id) school_id, user_id, status
                              from club_member where school_id = :school
                              order by user_id, school_year desc) m
                        left join person p on p.school_id = m.school_id and p.user_id = m.user_id
                        where m.status in (:statuses)
                        order by open_cases, m.user_id
                        """)
                .param("school", schoolId)
                .param("statuses", statuses)
                .query((rs, n) -> new MediatorLoad(
                        rs.getString("user_id"),
                        (Integer) rs.getObject("grade"),
                        rs.getString("class_letter"),
                        rs.getInt("open_cases")))
                .list();
    }

    /** The coordinators of a school, who mediate cases with an adult party or a safeguarding concern. */
    public List<MediatorLoad> coordinators(String schoolId) {
        return jdbc.sql("""
                        select p.user_id,
                               (select count(*) from mediation_case c
                                 where c.school_id = p.school_id and p.user_id = any (c.mediator_ids)
                                   and c.status not in ('CLOSED', 'WITHDRAWN')) as open_cases
                        from person p
                        where p.school_id = :school and p.role = 'coordinator'
                        order by open_cases, p.user_id
                        """)
                .param("school", schoolId)
                .query((rs, n) -> new MediatorLoad(rs.getString("user_id"), null, null, rs.getInt("open_cases")))
                .list();
    }

    /** A certified mediator and their current load. */
    public record MediatorLoad(String userId, Integer grade, String classLetter, int openCases) {
        public Optional<SchoolClass> schoolClass() {
            return grade == null || classLetter == null
                    ? Optional.empty()
                    : Optional.of(new SchoolClass(grade, classLetter));
        }
    }

    void savePerson(Person person, Instant occurredAt) {
        jdbc.sql("""
                        insert into person (school_id, user_id, role, grade, class_letter, guardian_of, updated_at)
                        values (:school, :user, :role, :grade, :letter, :guardianOf, :at)
                        on conflict (school_id, user_id) do update
                           set role = excluded.role, grade = excluded.grade, class_letter = excluded.class_letter,
                               guardian_of = excluded.guardian_of, updated_at = excluded.updated_at
                         where person.updated_at <= excluded.updated_at
                        """)
                .param("school", person.schoolId())
                .param("user", person.userId())
                .param("role", person.role())
                .param("grade", person.grade())
                .param("letter", person.classLetter())
                .param("guardianOf", person.guardianOf().toArray(String[]::new))
                .param("at", Timestamp.from(occurredAt))
                .update();
    }

    void removePerson(String schoolId, String userId) {
        jdbc.sql("delete from person where school_id = :school and user_id = :user")
                .param("school", schoolId)
                .param("user", userId)
                .update();
    }

    void saveMember(String schoolId, String userId, String schoolYear, String status, Instant occurredAt) {
        jdbc.sql("""
                        insert into club_member (school_id, user_id, school_year, status, updated_at)
                        values (:school, :user, :year, :status, :at)
                        on conflict (school_id, user_id, school_year) do update
                           set status = excluded.status, updated_at = excluded.updated_at
                         where club_member.updated_at <= excluded.updated_at
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .param("year", schoolYear)
                .param("status", status)
                .param("at", Timestamp.from(occurredAt))
                .update();
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        Array guardianOf = rs.getArray("guardian_of");
        return new Person(
                rs.getString("school_id"),
                rs.getString("user_id"),
                rs.getString("role"),
                (Integer) rs.getObject("grade"),
                rs.getString("class_letter"),
                guardianOf == null ? List.of() : Arrays.asList((String[]) guardianOf.getArray()));
    }
}
