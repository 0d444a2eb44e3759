package kz.senim.training.curriculum;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.senim.training.curriculum.domain.Curriculum;
import kz.senim.training.curriculum.domain.CurriculumModule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CurriculumRepository {

    private final JdbcClient jdbc;

    CurriculumRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Curriculum of(String schoolId) {
        return jdbc.sql("select * from curriculum where school_id = :school")
                .param("school", schoolId)
                .query((rs, row) -> new Curriculum(
                        schoolId,
                        modules((String[]) rs.getArray("required_modules").getArray()),
                        rs.getInt("required_simulations"),
                        rs.getLong("version")))
                .optional()
                .orElseGet(() -> Curriculum.defaultFor(schoolId));
    }

    /** Saves a revision if nobody revised it in between; false otherwise. */
    boolean save(Curriculum c) {
        String[] modules = c.requiredModules().stream().map(Enum::name).sorted().toArray(String[]::new);
        if (c.version() == 1) {
            return jdbc.sql("""
                            insert into curriculum (school_id, required_modules, required_simulations, version)
                            values (:school, :modules, :simulations, 1) on conflict (school_id) do nothing
                            """)
                            .param("school", c.schoolId())
                            .param("modules", modules)
                            .param("simulations", c.requiredSimulations())
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                        update curriculum set required_modules = :modules, required_simulations = :simulations,
                                              version = :version
                        where school_id = :school and version = :previous
                        """)
                        .param("school", c.schoolId())
                        .param("modules", modules)
                        .param("simulations", c.requiredSimulations())
                        .param("version", c.version())
                        .param("previous", c.version() - 1)
                        .update()
                == 1;
    }

    /** The curriculum modules of the activities a person attended (present) in the school. */
    Set<CurriculumModule> modulesAttended(String schoolId, String userId) {
        return modules(jdbc.sql("""
                        select distinct unnest(a.modules) from attendance t join activity a on a.id = t.activity_id
                        where a.school_id = :school and t.user_id = :user and t.status = 'PRESENT'
                          and a.status <> 'CANCELLED'
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query(String.class)
                .list()
                .toArray(String[]::new));
    }

    int simulationsAttended(String schoolId, String userId) {
        return jdbc.sql("""
                        select count(*) from attendance t join activity a on a.id = t.activity_id
                        where a.school_id = :school and t.user_id = :user and t.status = 'PRESENT'
                          and a.status <> 'CANCELLED' and a.type = 'SIMULATION'
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    record Member(String userId, String schoolYear, String status) {}

    /** The person's membership of the latest school year. */
    Optional<Member> memberOf(String schoolId, String userId) {
        return jdbc.sql("""
                        select user_id, school_year, status from member where school_id = :school and user_id = :user
                        order by school_year desc limit 1
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .query((rs, row) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    List<Member> trainees(String schoolId, int offset, int limit) {
        return jdbc.sql("""
                        select user_id, school_year, status from member where school_id = :school and status = 'TRAINEE'
                        order by school_year desc, user_id limit :limit offset :offset
                        """)
                .param("school", schoolId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    long countTrainees(String schoolId) {
        return jdbc.sql("select count(*) from member where school_id = :school and status = 'TRAINEE'")
                .param("school", schoolId)
                .query(Long.class)
                .single();
    }

    void member(String schoolId, String userId, String schoolYear, String status) {
        jdbc.sql("""
                insert into member (school_id, user_id, school_year, status) values (:school, :user, :year, :status)
                on conflict (school_id, user_id, school_year) do update set status = excluded.status
                """)
                .param("school", schoolId)
                .param("user", userId)
                .param("year", schoolYear)
                .param("status", status)
                .update();
    }

    /** Records the qualification; false when the trainee was already qualified that school year. */
    boolean qualify(String schoolId, String userId, String schoolYear, int modules, int simulations, Instant at) {
        return jdbc.sql("""
                        insert into qualification (school_id, user_id, school_year, modules_completed,
                                                   simulations_attended, qualified_at)
                        values (:school, :user, :year, :modules, :simulations, :at) on conflict do nothing
                        """)
                        .param("school", schoolId)
                        .param("user", userId)
                        .param("year", schoolYear)
                        .param("modules", modules)
                        .param("simulations", simulations)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<Instant> qualifiedAt(String schoolId, String userId, String schoolYear) {
        return jdbc.sql("""
                        select qualified_at from qualification
                        where school_id = :school and user_id = :user and school_year = :year
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .param("year", schoolYear)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private static Set<CurriculumModule> modules(String[] names) {
        return Arrays.stream(names)
                .map(CurriculumModule::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CurriculumModule.class)));
    }
}
