package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@ExtendWith(OutputCaptureExtension.class)
class GatewayProblemTest extends GatewayTest {

    @Test
    void unknownApiPathIsNotFound() {
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
    void serviceThatIsDownAnswersServiceUnavailable(CapturedOutput output) {
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
    void serviceThatAnswersTooSlowlyTimesOut() {
        client.get()
                .uri(StubService.SLOW_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/gateway-timeout")
                .jsonPath("$.status")
                .isEqualTo(504);
    }

    @Test
    void problemIsWrittenInRussianWhenAsked() {
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
    void problemIsWrittenInKazakhWhenAsked() {
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
    void unsupportedLanguageFallsBackToEnglish() {
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
}
