package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own answers. Every status it answers itself is walked here in the shape docs/api.md
 * promises (type, title, status, detail, instance, requestId as problem+json), with the documented security
 * headers; 429, 503 and 504 with {@code Retry-After}.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayProblemTest extends GatewayTest {

    @Test
    void unknown_api_path_is_not_found() {
        client.get()
                .uri("/api/no-such-thing")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/not-found")
                .jsonPath("$.title")
                .isEqualTo("Not found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.instance")
                .isEqualTo("/api/no-such-thing");
    }

    @Test
    void service_that_is_down_answers_service_unavailable(CapturedOutput output) {
        client.get()
                .uri("/api/notifications/inbox")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .header("X-Request-Id", "inbox-while-down")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("X-Request-Id", "inbox-while-down")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/service-unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.requestId")
                .isEqualTo("inbox-while-down");
        assertThat(output.getAll()).containsPattern("inbox-while-down.*Route notifications failed");
    }

    @Test
    void problem_is_written_in_russian_when_asked() {
        client.get()
                .uri("/api/cases")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9,en;q=0.5")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ru")
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Требуется вход")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("Войдите в Senim"));
    }

    @Test
    void problem_is_written_in_kazakh_when_asked() {
        client.get()
                .uri("/api/cases")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "kk")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Жүйеге кіру қажет");
    }

    @Test
    void unsupported_language_falls_back_to_english() {
        client.get()
                .uri("/api/cases")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Sign-in required");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** Asserts the whole shape and the security headers; returns the body. */
    private static JsonNode problem(WebTestClient.ResponseSpec answer, int status, String type, String path) {
        EntityExchangeResult<byte[]> result = answer.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
        HttpHeaders headers = result.getResponseHeaders();
        JsonNode problem = JSON.readTree(result.getResponseBody());
        assertThat(problem.path("type").asString()).isEqualTo("https://senim.kz/problems/" + type);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        assertThat(problem.path("requestId").asString()).isNotBlank().isEqualTo(headers.getFirst("X-Request-Id"));
        SecurityHeadersTest.assertStrictApiHeaders(headers);
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/schools/x%2Fclub", "/api/schools/x%5Cclub", "/api/schools/x%00club"})
    void an_odd_path_is_rejected_as_a_problem_with_the_security_headers(String path) {
        WebTestClient.ResponseSpec answer = client.get()
                .uri(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
                .exchange();

        JsonNode problem = problem(answer, 400, "request-rejected", path);
        assertThat(problem.get("title").asString()).isEqualTo("Запрос не принят");
    }

    @Test
    void no_token_is_401() {
        problem(client.get().uri("/api/cases").exchange(), 401, "unauthorized", "/api/cases");
    }

    @Test
    void a_refused_token_is_401_invalid_token() {
        problem(
                client.get()
                        .uri("/api/cases")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                        .header("X-Forwarded-For", "198.51.100.91")
                        .exchange(),
                401,
                "invalid-token",
                "/api/cases");
    }

    @Test
    void a_token_of_no_senim_user_is_403() {
        problem(
                client.get()
                        .uri("/api/cases")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.withoutSenimRole()))
                        .exchange(),
                403,
                "forbidden",
                "/api/cases");
    }

    @Test
    void an_unknown_api_path_is_404() {
        problem(
                client.get()
                        .uri("/api/no-such-thing")
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                        .exchange(),
                404,
                "not-found",
                "/api/no-such-thing");
    }

    @Test
    void a_body_too_large_is_413() {
        String path = "/api/cases/" + UUID.randomUUID() + "/notes";
        problem(
                client.post()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue(new byte[1024 * 1024 + 1])
                        .exchange(),
                413,
                "payload-too-large",
                path);
    }

    @Test
    void too_many_requests_is_429_with_retry_after() {
        String address = "198.51.100.92";
        String path = "/api/trust-box/schools/" + UUID.randomUUID() + "/conversations";
        for (int i = 0; i < TRUST_BOX_WRITES_BURST; i++) {
            client.post()
                    .uri(path)
                    .header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"text\":\"hello\"}")
                    .exchange()
                    .expectBody()
                    .returnResult();
        }
        WebTestClient.ResponseSpec limited = client.post()
                .uri(path)
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"hello\"}")
                .exchange();

        limited.expectHeader().exists(HttpHeaders.RETRY_AFTER);
        problem(limited, 429, "too-many-requests", path);
    }

    @Test
    void a_service_that_is_down_is_503_with_retry_after() {
        WebTestClient.ResponseSpec answer = client.get()
                .uri("/api/notifications/inbox")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange();

        answer.expectHeader().exists(HttpHeaders.RETRY_AFTER);
        problem(answer, 503, "service-unavailable", "/api/notifications/inbox");
    }

    @Test
    void a_service_too_slow_is_504_with_retry_after() {
        WebTestClient.ResponseSpec answer = client.get()
                .uri(StubService.SLOW_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange();

        answer.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(BREAKER_OPEN_SECONDS));
        problem(answer, 504, "gateway-timeout", StubService.SLOW_PATH);
    }
}
