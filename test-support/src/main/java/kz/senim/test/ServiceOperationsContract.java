package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What operators and the gateway rely on from every service: probes and metrics without a token,
 * a public OpenAPI document that describes the API as clients reach it through the gateway, and a
 * database migrated by Flyway. A service's {@code OperationsIT} extends it, annotated with
 * {@link SenimIntegrationTest}, and names its own first tables. The OpenAPI document is also written to
 * {@code target/openapi/<service>.json}, where the build's lint (module {@code api-docs}) reads it.
 */
public abstract class ServiceOperationsContract {

    private final List<String> ownTables;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.application.name}")
    String application;

    @Value("${senim.api-docs.server-url}")
    String gatewayUrl;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    String issuer;

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern GENERATED_OPERATION_ID = Pattern.compile(".*_\\d+$");

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
    void the_openapi_document_describes_the_api_as_clients_reach_it_through_the_gateway() throws IOException {
        ServiceApi.Answer answer = ServiceApi.at(port).get("/v3/api-docs").send();
        assertThat(answer.status()).isEqualTo(200);
        JsonNode document = answer.json();
        Path written = Path.of("target", "openapi", application + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, document.toPrettyString());

        assertThat(document.path("info").path("title").asString()).isNotBlank().isNotEqualTo("OpenAPI definition");
        assertThat(document.path("info").path("description").asString()).isNotBlank();
        assertThat(document.path("info").path("version").asString())
                .isNotBlank()
                .isNotEqualTo("v0");
        assertThat(document.path("servers").values())
                .singleElement()
                .satisfies(server ->
                        assertThat(server.path("url").asString()).isEqualTo(gatewayUrl.replaceAll("/+$", "")));
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        JsonNode signIn = schemes.path("keycloak").path("flows").path("authorizationCode");
        assertThat(signIn.path("authorizationUrl").asString()).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(signIn.path("tokenUrl").asString()).isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(document.path("security").size()).isEqualTo(2);

        Set<String> declaredTags = new HashSet<>();
        for (JsonNode tag : document.path("tags")) {
            assertThat(tag.path("description").asString()).as("tag %s", tag).isNotBlank();
            declaredTags.add(tag.path("name").asString());
        }
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                assertThat(operation.path("summary").asString())
                        .as("summary of %s", name)
                        .isNotBlank();
                String id = operation.path("operationId").asString();
                assertThat(id).as("operationId of %s", name).isNotBlank().doesNotMatch(GENERATED_OPERATION_ID);
                assertThat(operationIds.add(id))
                        .as("operationId %s of %s is unique", id, name)
                        .isTrue();
                assertThat(operation.path("tags").values())
                        .as("tags of %s", name)
                        .isNotEmpty()
                        .allSatisfy(tag -> assertThat(declaredTags).contains(tag.asString()));
                for (JsonNode parameter : operation.path("parameters")) {
                    assertThat(parameter.toString())
                            .as("parameters of %s", name)
                            .doesNotContain("CurrentUser");
                }
                List<String> errors = operation.path("responses").propertyNames().stream()
                        .filter(code -> code.startsWith("4"))
                        .toList();
                assertThat(errors).as("4xx answers of %s", name).isNotEmpty();
                for (String code : errors) {
                    assertThat(problemContent(
                                    document, operation.path("responses").path(code)))
                            .as("%s of %s", code, name)
                            .isTrue();
                }
            }
        }
        assertThat(operations).isPositive();
    }

    /** Whether an answer (or the shared answer it refers to) is application/problem+json of the Problem schema. */
    private static boolean problemContent(JsonNode document, JsonNode response) {
        String ref = response.path("$ref").asString("");
        if (ref.startsWith("#/components/responses/")) {
            response = document.path("components")
                    .path("responses")
                    .path(ref.substring("#/components/responses/".length()));
        }
        return response.path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asString("")
                .equals("#/components/schemas/Problem");
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
