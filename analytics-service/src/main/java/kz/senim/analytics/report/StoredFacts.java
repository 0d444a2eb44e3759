package kz.senim.analytics.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.analytics.report.domain.Fact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What reports read of the store: the live generation, its facts and which schools' facts changed. */
@Repository
class StoredFacts {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredFacts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The generation reports read. */
    int live() {
        return jdbc.sql("select id from store_generation where status = 'LIVE'")
                .query(Integer.class)
                .single();
    }

    /** Every fact of a school in a generation. */
    List<Fact> factsOf(int generation, String schoolId) {
        return jdbc.sql("""
                        select event_id, event_type, occurred_at, subject_id, attributes::text as attributes
                        from fact where generation = :generation and school_id = :school""")
                .param("generation", generation)
                .param("school", schoolId)
                .query((rs, n) -> fact(rs))
                .list();
    }

    /** Every fact of the schools in a generation, by school. */
    Map<String, List<Fact>> factsOf(int generation, Collection<String> schoolIds) {
        Map<String, List<Fact>> bySchool = new HashMap<>();
        if (schoolIds.isEmpty()) {
            return bySchool;
        }
        jdbc.sql("""
                        select school_id, event_id, event_type, occurred_at, subject_id, attributes::text as attributes
                        from fact where generation = :generation and school_id in (:schools)""")
                .param("generation", generation)
                .param("schools", List.copyOf(schoolIds))
                .query(rs -> {
                    bySchool.computeIfAbsent(rs.getString("school_id"), s -> new java.util.ArrayList<>())
                            .add(fact(rs));
                });
        return bySchool;
    }

    /** The schools whose registration the generation has seen, by id. */
    List<String> registeredSchools(int generation) {
        return jdbc.sql("""
                        select school_id from school_change
                        where generation = :generation and registered order by school_id""").param("generation", generation).query(String.class).list();
    }

    /** Whether the generation has seen the school's registration. */
    boolean registered(int generation, String schoolId) {
        return jdbc.sql("""
                        select count(*) from school_change
                        where generation = :generation and school_id = :school and registered""")
                        .param("generation", generation)
                        .param("school", schoolId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The version of each school's facts in the generation: raised with every new fact of the school. */
    Map<String, Long> versions(int generation) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("select school_id, version from school_change where generation = :generation")
                .param("generation", generation)
                .query(rs -> {
                    versions.put(rs.getString("school_id"), rs.getLong("version"));
                });
        return versions;
    }

    private Fact fact(ResultSet rs) throws SQLException {
        return new Fact(
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("subject_id", UUID.class),
                json.readValue(rs.getString("attributes"), ATTRIBUTES));
    }
}
