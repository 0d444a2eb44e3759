package kz.senim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every service gets from the platform: the caller from the token, and problem details. */
@SenimIntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
class PlatformWebIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_caller_is_read_from_the_token() {
        var user = TestJwts.user()
                .roles("student", "mediator", "unknown-role")
                .school("demo-gymnasium-1")
                .locale("kk");

        JsonNode me = json.readTree(
                call(HttpMethod.GET, "/api/me", user.bearer(), null, null).getBody());

        assertThat(me.get("id").asString()).isEqualTo(user.subject());
        assertThat(me.get("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("STUDENT", "MEDIATOR");
        assertThat(me.get("schoolId").asString()).isEqualTo("demo-gymnasium-1");
        assertThat(me.get("locale").asString()).isEqualTo("kk");
    }

    @Test
    void an_anonymous_caller_on_an_open_route_that_needs_the_caller_gets_401_not_500() {
        ResponseEntity<String> response = call(HttpMethod.GET, "/api/open/me", null, null, null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(problem(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_refused_token_is_told_apart_from_a_missing_one() {
        assertThat(call(HttpMethod.GET, "/api/me", null, null, null)
                        .getHeaders()
                        .getFirst("WWW-Authenticate"))
                .doesNotContain("invalid_token");
        assertThat(call(HttpMethod.GET, "/api/me", "Bearer " + TestJwts.forgedToken(), null, null)
                        .getHeaders()
                        .getFirst("WWW-Authenticate"))
                .contains("error=\"invalid_token\"");
    }

    @Test
    void every_problem_speaks_the_first_supported_language_of_the_caller() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> forbidden = call(HttpMethod.GET, "/api/coordinators/x", student, "de, ru;q=0.8", null);
        ResponseEntity<String> notFound = call(HttpMethod.GET, "/api/things/1", student, "de, ru;q=0.8", null);

        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(problem(forbidden).get("title").asString()).isEqualTo("Нет доступа");
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(problem(notFound).get("title").asString()).isEqualTo("Не найдено");
        assertThat(problem(call(HttpMethod.GET, "/api/things/1", student, "de", null))
                        .get("title")
                        .asString())
                .isEqualTo("Not found");
    }

    @Test
    void a_request_that_is_not_json_is_a_problem_too() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> response = call(HttpMethod.POST, "/api/greetings", student, "kk", "{oops");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(problem(response).get("title").asString()).isEqualTo("Сұрауды оқу мүмкін емес");
    }

    @Test
    void validation_lists_every_field_with_a_message_in_the_callers_language() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> response =
                call(HttpMethod.POST, "/api/greetings", student, "ru", "{\"word\":\"far too long\"}");

        JsonNode problem = problem(response);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("word", "language");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .contains("длина должна быть от 0 до 5", "не должно быть пустым");
        assertThat(problem.get("requestId").asString())
                .isEqualTo(response.getHeaders().getFirst("X-Request-Id"));
    }

    private JsonNode problem(ResponseEntity<String> response) {
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> call(
            HttpMethod method, String path, String authorization, String language, String body) {
        RestClient.RequestBodySpec request =
                RestClient.create("http://localhost:" + port).method(method).uri(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
                .headers(res.getHeaders())
                .body(new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
