package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import kz.senim.test.SenimIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V12 moves the keys of case-service's own {@code idempotency_key} table onto the platform's
 * {@code idempotent_request}, so that a phone retrying a request sent before the upgrade still gets the first
 * answer: checked on a schema of its own, migrated to V11, filled, then migrated on.
 */
@SenimIntegrationTest
class IdempotencyKeysOnThePlatformIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keys_of_cases_and_consultations_keep_their_resource_under_their_kind() {
        String schema = "v12_" + UUID.randomUUID().toString().substring(0, 8);
        UUID aCase = UUID.randomUUID();
        UUID aConsultation = UUID.randomUUID();
        try {
            flyway(schema).target("11").load().migrate();
            jdbc.sql("insert into " + schema + ".idempotency_key (school_id, user_id, key, resource_id, created_at)"
                            + " values ('school-1', 'student-1', 'phone-1', :case, now()),"
                            + " ('school-1', 'student-1', 'consultation/phone-1', :consultation, now())")
                    .param("case", aCase)
                    .param("consultation", aConsultation)
                    .update();

            flyway(schema).load().migrate();

            List<Map<String, Object>> moved = jdbc.sql("select caller_id, idempotency_key, resource_id from " + schema
                            + ".idempotent_request order by idempotency_key")
                    .query()
                    .listOfRows();
            assertThat(moved)
                    .containsExactly(
                            Map.of(
                                    "caller_id", "student-1",
                                    "idempotency_key", "case/phone-1",
                                    "resource_id", aCase.toString()),
                            Map.of(
                                    "caller_id", "student-1",
                                    "idempotency_key", "consultation/phone-1",
                                    "resource_id", aConsultation.toString()));
            assertThat(jdbc.sql("select count(*) from information_schema.tables"
                                    + " where table_schema = :schema and table_name = 'idempotency_key'")
                            .param("schema", schema)
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/migration");
    }
}
