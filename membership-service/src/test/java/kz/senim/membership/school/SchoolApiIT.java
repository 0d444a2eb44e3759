package kz.senim.membership.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Schools over HTTP: who may register and read them, and the problem details of every refusal. */
@SenimIntegrationTest
class SchoolApiIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void without_a_token_the_answer_is_401_problem_json() {
        ResponseEntity<String> response = call("GET", "/api/schools", null, null, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(response, 401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_by_someone_else_or_expired_is_401() {
        assertThat(call("GET", "/api/schools", "Bearer " + TestJwts.forgedToken(), null, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String expired = TestJwts.user()
                .roles("admin")
                .lifetime(java.time.Duration.ofMinutes(-10))
                .bearer();
        assertThat(call("GET", "/api/schools", expired, null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_student_may_not_register_a_school_403_problem_json_in_their_language() {
        ResponseEntity<String> response = call(
                "POST",
                "/api/schools",
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer(),
                "ru",
                validSchool("student-school"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assertProblem(response, 403).get("title").asString()).isEqualTo("Нет доступа");
    }

    @Test
    void a_school_admin_may_not_register_other_schools() {
        ResponseEntity<String> response = call(
                "POST",
                "/api/schools",
                TestJwts.user().roles("admin").school("demo-gymnasium-1").bearer(),
                null,
                validSchool("another-school"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void every_invalid_field_is_listed() {
        ResponseEntity<String> response =
                call("POST", "/api/schools", TestJwts.user().roles("admin").bearer(), "kk", """
                {"id":"Not A Slug","names":{"kk":"","ru":"Школа"},"city":"","timeZone":"Mars/Olympus","defaultLanguage":"de"}
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Сұрау дұрыс емес");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("id", "names.kk", "names.en", "city", "region", "knownTimeZone", "defaultLanguage");
    }

    @Test
    void a_district_admin_registers_a_school_once_and_its_users_see_only_their_own() {
        String id = "school-" + UUID.randomUUID().toString().substring(0, 8);
        String districtAdmin = TestJwts.user().roles("admin").bearer();

        ResponseEntity<String> created = call("POST", "/api/schools", districtAdmin, null, validSchool(id));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/schools/" + id);
        assertThat(created.getHeaders().getETag()).isNotBlank();

        ResponseEntity<String> again = call("POST", "/api/schools", districtAdmin, null, validSchool(id));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(assertProblem(again, 409).get("reason").asString()).isEqualTo("school-already-exists");

        String teacherThere = TestJwts.user().roles("teacher").school(id).bearer();
        assertThat(call("GET", "/api/schools/" + id, teacherThere, null, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String coordinatorElsewhere =
                TestJwts.user().roles("coordinator").school("demo-school-2").bearer();
        ResponseEntity<String> hidden = call("GET", "/api/schools/" + id, coordinatorElsewhere, null, null);
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(hidden, 404);
        assertThat(json.readTree(call("GET", "/api/schools", coordinatorElsewhere, null, null)
                                .getBody())
                        .size())
                .isZero();
    }

    private String validSchool(String id) {
        return """
                {"id":"%s","names":{"kk":"Демо мектебі","ru":"Демо школа","en":"Demo school"},"city":"Almaty","region":"Almaty"}
                """.formatted(id);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        return problem;
    }

    private ResponseEntity<String> call(
            String method, String path, String authorization, String language, String body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path);
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
                .body(new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
