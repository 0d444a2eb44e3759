package kz.senim.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The coarse rules of training-service over real HTTP, before any feature exists behind them. */
@SenimIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void without_a_token_activities_are_401_problem_json_asking_for_a_bearer_token() {
        ResponseEntity<String> response = call(HttpMethod.GET, "/api/activities", null, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(response, 401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_by_someone_else_is_401() {
        ResponseEntity<String> response =
                call(HttpMethod.GET, "/api/activities", "Bearer " + TestJwts.forgedToken(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(response, 401);
    }

    @Test
    void a_student_may_not_write_the_annual_plan_403_in_their_language() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> response = call(HttpMethod.POST, "/api/plans", student, "kk");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assertProblem(response, 403).get("title").asString()).isEqualTo("Рұқсат жоқ");
    }

    @Test
    void a_teacher_may_neither_change_nor_delete_a_plan() {
        String teacher =
                TestJwts.user().roles("teacher").school("demo-gymnasium-1").bearer();

        assertThat(call(HttpMethod.PUT, "/api/plans/2025-2026", teacher, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.PATCH, "/api/plans/2025-2026", teacher, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.DELETE, "/api/plans/2025-2026", teacher, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_coordinator_and_an_admin_pass_authorization_to_write_plans_and_find_nothing_yet() {
        for (String role : new String[] {"coordinator", "admin"}) {
            String writer =
                    TestJwts.user().roles(role).school("demo-gymnasium-1").bearer();

            ResponseEntity<String> response = call(HttpMethod.POST, "/api/plans", writer, null);

            assertThat(response.getStatusCode()).as(role).isEqualTo(HttpStatus.NOT_FOUND);
            assertProblem(response, 404);
        }
    }

    @Test
    void a_student_may_read_activities_and_finds_nothing_yet() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> response = call(HttpMethod.GET, "/api/activities", student, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(response, 404);
    }

    @Test
    void a_path_outside_the_services_prefixes_is_denied_even_with_a_valid_token() {
        String coordinator =
                TestJwts.user().roles("coordinator").school("demo-gymnasium-1").bearer();

        ResponseEntity<String> response = call(HttpMethod.GET, "/internal/x", coordinator, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(response, 403);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        return problem;
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String authorization, String language) {
        RestClient.RequestBodySpec request =
                RestClient.create("http://localhost:" + port).method(method).uri(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
                .headers(res.getHeaders())
                .body(new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
