package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each test is its own client (X-Forwarded-For from the TEST-NET ranges) or its own user. The tests'
 * anonymous limit refills one call per 10 s, so a call right after a refusal is refused too.
 */
@ExtendWith(OutputCaptureExtension.class)
class RateLimitTest extends GatewayTest {

    private record Limited(int passed, EntityExchangeResult<byte[]> refusal) {

        String body() {
            return new String(refusal.getResponseBodyContent(), StandardCharsets.UTF_8);
        }

        HttpHeaders headers() {
            return refusal.getResponseHeaders();
        }
    }

    @Test
    void an_anonymous_client_is_limited_across_club_pages_unauthenticated_and_rejected_token_calls(
            CapturedOutput output) {
        String address = "198.51.100.10";
        String club = "/api/schools/" + UUID.randomUUID() + "/club";
        IntFunction<WebTestClient.RequestHeadersSpec<?>> clubPage = call ->
                client.get().uri(club).header("X-Forwarded-For", address).header(HttpHeaders.ACCEPT_LANGUAGE, "ru");
        IntFunction<WebTestClient.RequestHeadersSpec<?>> withoutToken =
                call -> client.get().uri("/api/cases").header("X-Forwarded-For", address);
        IntFunction<WebTestClient.RequestHeadersSpec<?>> withRejectedToken = call -> client.get()
                .uri("/api/cases")
                .header("X-Forwarded-For", address)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.signedByOtherKey()));

        Limited limited = callsUntilLimited(2 * ANONYMOUS_BURST, call -> switch (call % 3) {
            case 0 -> clubPage.apply(call);
            case 1 -> withoutToken.apply(call);
            default -> withRejectedToken.apply(call);
        });

        // Beyond the burst only what refilled meanwhile (one call per 10 s) passes, however slow the machine.
        assertThat(limited.passed()).isBetween(ANONYMOUS_BURST, ANONYMOUS_BURST + 20);
        for (var kind : List.of(clubPage, withoutToken, withRejectedToken)) {
            Limited next = callsUntilLimited(1, kind);
            assertThat(next.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Integer.parseInt(next.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                    .isBetween(1, 10);
            assertThat(next.body())
                    .contains("\"type\":\"https://senim.kz/problems/too-many-requests\"", "\"status\":429");
        }
        assertThat(callsUntilLimited(1, clubPage).body()).contains("Слишком много запросов");

        client.get()
                .uri(club)
                .header("X-Forwarded-For", "198.51.100.11")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(output.getAll()).doesNotContain(address);
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("senim_gateway_rate_limited_total{limit=\"anonymous\"}")
                        .doesNotContain(address));
    }

    @Test
    void anonymous_writes_to_the_trust_box_have_a_stricter_limit_that_leaves_reading_alone(CapturedOutput output) {
        String address = "198.51.100.20";
        String conversation = "/api/trust-box/schools/" + UUID.randomUUID() + "/conversations/K7QM-2XR4-9PLD-E3VA-HN6T";
        Limited limited = callsUntilLimited(
                TRUST_BOX_WRITES_BURST + 3,
                call -> client.post()
                        .uri(conversation + "/replies")
                        .header("X-Forwarded-For", address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"text\":\"still happening\"}"));

        assertThat(limited.passed()).isBetween(TRUST_BOX_WRITES_BURST, TRUST_BOX_WRITES_BURST + 1);
        assertThat(Integer.parseInt(limited.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1, 10);
        client.get()
                .uri(conversation)
                .header("X-Forwarded-For", address)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(output.getAll()).doesNotContain(address).doesNotContain("K7QM-2XR4");
    }

    @Test
    void a_signed_in_user_is_limited_per_user_not_per_address() {
        String school = "198.51.100.30";
        String pupil = bearer(TestTokens.student());
        Limited limited = callsUntilLimited(
                2 * USER_BURST,
                call -> client.get()
                        .uri("/api/activities/" + UUID.randomUUID())
                        .header("X-Forwarded-For", school)
                        .header(HttpHeaders.AUTHORIZATION, pupil));

        // Beyond the burst only what refilled meanwhile (one call a second) passes.
        assertThat(limited.passed()).isBetween(USER_BURST, 2 * USER_BURST - 1);
        assertThat(limited.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(limited.body()).contains("https://senim.kz/problems/too-many-requests");
        client.get()
                .uri("/api/activities")
                .header("X-Forwarded-For", school)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Sends calls until one answers 429, which must happen within {@code atMost} calls. */
    private static Limited callsUntilLimited(int atMost, IntFunction<WebTestClient.RequestHeadersSpec<?>> call) {
        for (int sent = 0; sent < atMost; sent++) {
            EntityExchangeResult<byte[]> answer =
                    call.apply(sent).exchange().expectBody().returnResult();
            if (answer.getStatus().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return new Limited(sent, answer);
            }
        }
        throw new AssertionError("None of " + atMost + " calls was refused with 429");
    }
}
