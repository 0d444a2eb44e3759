package kz.senim.analytics.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.analytics.report.domain.EventTypes;
import kz.senim.analytics.report.domain.Fact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fact} table: one row per event and store generation. */
@Repository
public class FactRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FactRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the fact once per generation; a second event with the same id changes nothing. */
    void store(int generation, String schoolId, Fact fact) {
        jdbc.sql("""
                        insert into fact (generation, event_id, event_type, school_id, occurred_at, subject_id, attributes)
                        values (:generation, :eventId, :type, :school, :occurredAt, :subject, cast(:attributes as jsonb))
                        on conflict do nothing""")
                .param("generation", generation)
                .param("eventId", fact.eventId())
                .param("type", fact.type())
                .param("school", schoolId)
                .param("occurredAt", OffsetDateTime.ofInstant(fact.occurredAt(), ZoneOffset.UTC))
                .param("subject", fact.subject())
                .param("attributes", json.writeValueAsString(fact.attributes()))
                .update();
    }

    /** Every fact of a school in a generation. */
    public List<Fact> factsOf(int generation, String schoolId) {
        return jdbc.sql("""
                        select event_id, event_type, occurred_at, subject_id, attributes::text as attributes
                        from fact where generation = :generation and school_id = :school""")
                .param("generation", generation)
                .param("school", schoolId)
                .query((rs, n) -> new Fact(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("subject_id", UUID.class),
                        json.readValue(rs.getString("attributes"), ATTRIBUTES)))
                .list();
    }

    /** The schools whose registration the generation has seen, by id. */
    public List<String> registeredSchools(int generation) {
        return jdbc.sql("""
                        select distinct school_id from fact
                        where generation = :generation and event_type = :type order by school_id""")
                .param("generation", generation)
                .param("type", EventTypes.SCHOOL_REGISTERED)
                .query(String.class)
                .list();
    }

    public long count(int generation) {
        return jdbc.sql("select count(*) from fact where generation = :generation")
                .param("generation", generation)
                .query(Long.class)
                .single();
    }
}
