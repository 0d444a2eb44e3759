package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestIdTest extends GatewayTest {

    @Test
    void wellFormedIdFromTheClientIsKeptEchoedAndForwarded() {
        String path = "/api/plans/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .header("X-Request-Id", "mobile-42.retry_1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "mobile-42.retry_1");
        assertThat(TRAINING.received(path).orElseThrow().header("X-Request-Id")).hasValue("mobile-42.retry_1");
    }

    @Test
    void malformedIdIsReplaced() {
        String path = "/api/plans/" + UUID.randomUUID();
        String injected = "abc\" onload=\"x";
        String tooLong = "a".repeat(65);
        for (String offered : new String[] {injected, tooLong}) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                    .header("X-Request-Id", offered)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value("X-Request-Id", id -> assertThat(UUID.fromString(id)).isNotNull());
            assertThat(TRAINING.received(path).orElseThrow().header("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).isNotEqualTo(offered));
        }
    }

    @Test
    void errorAnswersCarryTheId() {
        client.get()
                .uri("/api/cases")
                .header("X-Request-Id", "call-401")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Request-Id", "call-401")
                .expectBody()
                .jsonPath("$.requestId")
                .isEqualTo("call-401");
    }

    @Test
    void traceContextOfTheCallerIsContinuedTowardsTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String path = "/api/materials/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(TRAINING.received(path).orElseThrow().header("traceparent"))
                .hasValueSatisfying(traceparent -> assertThat(traceparent)
                        .startsWith("00-" + traceId + "-")
                        .doesNotContain("00f067aa0ba902b7"));
    }
}
