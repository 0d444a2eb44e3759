package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operators and the gateway rely on from every service: probes and metrics without a token,
 * a public OpenAPI document, and a database migrated by Flyway. A service's {@code OperationsIT}
 * extends it, annotated with {@link SenimIntegrationTest}, and names its own first tables.
 */
public abstract class ServiceOperationsContract {

    private final List<String> ownTables;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.application.name}")
    String application;

    protected ServiceOperationsContract(String... ownTables) {
        this.ownTables = List.of(ownTables);
    }

    @Test
    void readiness_and_liveness_probes_answer_up_without_a_token() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            ServiceApi.Answer answer = ServiceApi.at(port).get(probe).send();

            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheus_metrics_are_tagged_with_the_service() {
        ServiceApi.Answer answer =
                ServiceApi.at(port).get("/actuator/prometheus").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_memory_used_bytes").contains("application=\"" + application + "\"");
    }

    @Test
    void the_openapi_document_is_public() {
        ServiceApi.Answer answer = ServiceApi.at(port).get("/v3/api-docs").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(answer.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void flyway_created_the_outbox_the_consumer_log_and_the_services_own_tables() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class)
                .list();
        List<String> expected = new ArrayList<>(List.of("event_publication", "processed_message"));
        expected.addAll(ownTables);

        assertThat(tables).containsAll(expected);
    }
}
