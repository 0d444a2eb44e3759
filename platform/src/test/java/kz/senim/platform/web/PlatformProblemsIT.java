package kz.senim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Every status the platform answers, in the one problem shape docs/api.md promises: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and {@code requestId}, in the caller's
 * language; 429 and 503 with {@code Retry-After}, 405 with {@code Allow}. A tiny pool with a short
 * connection timeout lets one request hold every connection, as a stalled PostgreSQL would.
 */
@SenimIntegrationTest(
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=400"
        })
class PlatformProblemsIT {

    private static final String TYPES = "https://senim.kz/problems/";

    @LocalServerPort
    int port;

    ServiceApi api;
    String student;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
        student = TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();
    }

    /** The whole shape; returns the body for more. */
    private static JsonNode problem(ServiceApi.Answer answer, int status, String type, String path) {
        JsonNode problem = answer.problem(status);
        assertThat(problem.path("type").asString())
                .as("type of %s", answer.body())
                .isEqualTo(TYPES + type);
        assertThat(problem.path("detail").asString())
                .as("detail of %s", answer.body())
                .isNotBlank();
        assertThat(problem.path("instance").asString())
                .as("instance of %s", answer.body())
                .isEqualTo(path);
        assertThat(problem.path("requestId").asString())
                .as("requestId of %s", answer.body())
                .isEqualTo(answer.headers().getFirst("X-Request-Id"));
        return problem;
    }

    private ServiceApi.Request get(String path) {
        return api.get(path).auth(student);
    }

    @Test
    void field_errors_answer_400_validation() {
        ServiceApi.Answer answer = api.post("/api/greetings")
                .auth(student)
                .json("{\"word\":\"far too long\"}")
                .send();

        JsonNode problem = problem(answer, 400, "validation", "/api/greetings");
        assertThat(problem.get("errors").size()).isEqualTo(2);
    }

    @Test
    void a_body_that_is_not_json_answers_400_naming_the_body() {
        ServiceApi.Answer answer = api.post("/api/greetings")
                .auth(student)
                .language("kk")
                .json("this is not JSON")
                .send();

        JsonNode problem = problem(answer, 400, "validation", "/api/greetings");
        assertThat(problem.get("title").asString()).isEqualTo("Сұрауды оқу мүмкін емес");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("unreadable");
    }

    @Test
    void a_missing_query_parameter_answers_400_naming_it() {
        JsonNode problem =
                problem(api.post("/api/reservations").auth(student).send(), 400, "validation", "/api/reservations");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("seats");
    }

    @Test
    void no_token_answers_401() {
        ServiceApi.Answer answer = api.get("/api/me").language("ru").send();

        JsonNode problem = problem(answer, 401, "unauthorized", "/api/me");
        assertThat(problem.get("title").asString()).isEqualTo("Требуется вход");
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void a_role_that_may_not_answers_403_from_security_and_from_a_refusal() {
        problem(get("/api/coordinators/x").send(), 403, "forbidden", "/api/coordinators/x");
        JsonNode refused = problem(
                api.post("/api/paints/1/withdrawal").auth(student).send(),
                403,
                "forbidden",
                "/api/paints/1/withdrawal");
        assertThat(refused.get("reason").asString()).isEqualTo("only-the-painter-withdraws");
    }

    @Test
    void nothing_there_answers_404_for_an_object_and_for_an_unknown_path() {
        problem(get("/api/things/1").send(), 404, "not-found", "/api/things/1");
        JsonNode unknown =
                problem(get("/api/no-such-path").language("ru").send(), 404, "not-found", "/api/no-such-path");
        assertThat(unknown.get("title").asString()).isEqualTo("Не найдено");
    }

    @Test
    void a_method_the_path_does_not_take_answers_405_with_allow() {
        ServiceApi.Answer answer =
                api.request(HttpMethod.DELETE, "/api/things/1").auth(student).send();

        JsonNode problem = problem(answer, 405, "method-not-allowed", "/api/things/1");
        assertThat(answer.headers().getAllow()).contains(HttpMethod.GET);
        assertThat(problem.get("title").asString()).isEqualTo("Method not allowed");
    }

    @Test
    void an_unanswerable_accept_answers_406() {
        ServiceApi.Answer answer = get("/api/numbers")
                .header(HttpHeaders.ACCEPT, "application/xml")
                .send();

        problem(answer, 406, "not-acceptable", "/api/numbers");
    }

    @Test
    void a_refused_state_change_answers_409_with_its_reason() {
        JsonNode problem = problem(
                api.post("/api/paints/1/drying").auth(student).send(), 409, "state-conflict", "/api/paints/1/drying");

        assertThat(problem.get("reason").asString()).isEqualTo("paint-still-wet");
    }

    @Test
    void a_stale_version_answers_412_with_a_detail_however_a_service_says_it() {
        ServiceApi.Answer stale = api.request(HttpMethod.PUT, "/api/paints/1")
                .auth(student)
                .header("If-Match", "\"2\"")
                .json("{\"colour\":\"red\"}")
                .send();
        ServiceApi.Answer bare =
                api.post("/api/paints/1/varnish").auth(student).language("kk").send();

        problem(stale, 412, "precondition-failed", "/api/paints/1");
        JsonNode kazakh = problem(bare, 412, "precondition-failed", "/api/paints/1/varnish");
        assertThat(kazakh.get("title").asString()).isNotEqualTo("Precondition Failed");
    }

    @Test
    void a_body_of_another_media_type_answers_415() {
        ServiceApi.Answer answer = api.post("/api/greetings")
                .auth(student)
                .body(MediaType.TEXT_PLAIN, "hello")
                .send();

        problem(answer, 415, "unsupported-media-type", "/api/greetings");
    }

    @Test
    void too_many_requests_answers_429_with_retry_after() {
        ServiceApi.Answer answer = api.post("/api/guesses").auth(student).send();

        JsonNode problem = problem(answer, 429, "too-many-requests", "/api/guesses");
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(problem.get("detail").asString()).contains("7");
    }

    @Test
    void a_bug_answers_500_without_leaking_it() {
        ServiceApi.Answer answer = get("/api/bugs").send();

        JsonNode problem = problem(answer, 500, "server-error", "/api/bugs");
        assertThat(answer.body()).doesNotContain("secret", "IllegalState");
        assertThat(problem.get("title").asString()).isEqualTo("Something went wrong");
    }

    @Test
    void no_database_connection_in_time_answers_503_with_retry_after() throws Exception {
        try (ExecutorService callers = Executors.newSingleThreadExecutor()) {
            Future<ServiceApi.Answer> holder = callers.submit(
                    () -> api.post("/api/pool/holds?millis=3000").auth(student).send());
            Thread.sleep(500);
            // until the holder has every connection, a read still answers
            ServiceApi.Answer starved = null;
            long deadline = System.currentTimeMillis() + 2_500;
            while (System.currentTimeMillis() < deadline) {
                ServiceApi.Answer answer = get("/api/notes/count?text=starved").send();
                if (answer.status() != 200) {
                    starved = answer;
                    break;
                }
            }
            ServiceApi.Answer transactional = api.post("/api/notes")
                    .auth(student)
                    .language("ru")
                    .json("starved")
                    .send();

            assertThat(starved).as("a request while the pool is held").isNotNull();
            problem(starved, 503, "service-unavailable", "/api/notes/count");
            assertThat(starved.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            JsonNode russian = problem(transactional, 503, "service-unavailable", "/api/notes");
            assertThat(russian.get("title").asString()).isEqualTo("Сервис недоступен");
            assertThat(transactional.headers().getFirst(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("5");
            assertThat(holder.get().json().asInt()).isEqualTo(2);
        }
        assertThat(get("/api/notes/count?text=starved").send().status()).isEqualTo(200);
    }
}
