package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.senim.test.SenimIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What operators and the gateway rely on: probes, metrics, API docs, and a migrated database. */
@SenimIntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readiness_and_liveness_probes_answer_up_without_a_token() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            ResponseEntity<String> response = get(probe);

            assertThat(response.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(response.getBody()).get("status").asString())
                    .as(probe)
                    .isEqualTo("UP");
        }
    }

    @Test
    void prometheus_metrics_are_tagged_with_the_service() {
        ResponseEntity<String> response = get("/actuator/prometheus");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes").contains("application=\"case-service\"");
    }

    @Test
    void the_openapi_document_is_public() {
        ResponseEntity<String> response = get("/v3/api-docs");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        JsonNode document = json.readTree(response.getBody());
        assertThat(document.get("openapi").asString()).startsWith("3.");
    }

    @Test
    void flyway_created_the_outbox_the_consumer_log_and_the_audit_trail() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public'
                        """).query(String.class).list();

        assertThat(tables).contains("event_publication", "processed_message", "audit_entry");
    }

    private ResponseEntity<String> get(String path) {
        return RestClient.create("http://localhost:" + port)
                .get()
                .uri(path)
                .exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
                        .headers(res.getHeaders())
                        .body(new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
