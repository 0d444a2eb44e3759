package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RequestIdTest extends GatewayTest {

    @Test
    void well_formed_id_from_the_client_is_kept_echoed_and_forwarded() {
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
    void malformed_id_is_replaced() {
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
    void error_answers_carry_the_id() {
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
    void trace_context_of_the_caller_is_continued_towards_the_service() {
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
