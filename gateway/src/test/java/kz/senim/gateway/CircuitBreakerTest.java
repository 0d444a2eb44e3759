package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The breakers of the tests open after 4 outages out of 4 calls and stay open for 5 s. */
class CircuitBreakerTest extends GatewayTest {

    private static final int OUTAGES_TO_OPEN = 4;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void theBreakerStartsClosed() {
        resetFlakyBreaker();
    }

    @AfterEach
    void theServiceIsUpAgain() {
        if (!isUp()) {
            FLAKY.start();
        }
        resetFlakyBreaker();
    }

    private void resetFlakyBreaker() {
        breakers.getCircuitBreakerRegistry().find(FLAKY_BREAKER).ifPresent(CircuitBreaker::reset);
    }

    @Test
    void a_service_that_is_down_opens_its_breaker_which_answers_at_once_and_closes_after_the_wait() {
        FLAKY.stop();
        for (int call = 0; call < OUTAGES_TO_OPEN; call++) {
            expectServiceUnavailable(call("/api/flaky/" + UUID.randomUUID()));
        }
        assertThat(flakyBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        FLAKY.start();
        // Answered by the open breaker itself: the service, up again, never sees the call.
        String whileOpen = "/api/flaky/" + UUID.randomUUID();
        expectServiceUnavailable(call(whileOpen));
        assertThat(FLAKY.received(whileOpen)).isEmpty();

        String afterTheWait = "/api/flaky/" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        call(afterTheWait).returnResult(Void.class).getStatus().is2xxSuccessful());
        assertThat(FLAKY.received(afterTheWait)).isPresent();
        assertThat(flakyBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void errors_answered_by_the_service_itself_pass_unchanged_and_do_not_open_the_breaker() {
        String failing = "/api/flaky/" + UUID.randomUUID();
        FLAKY.answerStatus(failing, 500);
        FLAKY.answer(failing, "{\"type\":\"https://senim.kz/problems/internal-error\",\"status\":500}");
        for (int call = 0; call < OUTAGES_TO_OPEN * 2; call++) {
            call(failing)
                    .expectStatus()
                    .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .json("{\"type\":\"https://senim.kz/problems/internal-error\",\"status\":500}");
        }
        assertThat(flakyBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void calls_too_slow_to_answer_still_504_and_count_as_outages() {
        for (int call = 0; call < OUTAGES_TO_OPEN; call++) {
            call("/api/flaky/slow")
                    .expectStatus()
                    .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://senim.kz/problems/gateway-timeout");
        }
        assertThat(flakyBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        expectServiceUnavailable(call("/api/flaky/" + UUID.randomUUID()));
    }

    @Test
    void every_service_route_has_the_breaker_of_its_service() {
        for (String path : new String[] {
            "/api/cases/" + UUID.randomUUID(),
            "/api/trust-box/schools/" + UUID.randomUUID(),
            "/api/schools/" + UUID.randomUUID(),
            "/api/materials/" + UUID.randomUUID(),
            "/api/notifications/" + UUID.randomUUID(),
            "/api/reports/district/years/2026-2027"
        }) {
            call(path).expectStatus().value(status -> assertThat(status).isIn(200, 503));
        }
        assertThat(breakers.getCircuitBreakerRegistry().getAllCircuitBreakers())
                .extracting(CircuitBreaker::getName)
                .contains(
                        "case-service",
                        "membership-service",
                        "training-service",
                        "notification-service",
                        "analytics-service");
    }

    @Test
    void no_bulkhead_caps_how_many_calls_a_service_may_have_at_once() {
        assertThat(context.getBeanNamesForType(ReactiveResilience4jBulkheadProvider.class))
                .isEmpty();
    }

    @Test
    void a_service_that_cannot_be_reached_is_asked_to_be_retried_later() {
        expectServiceUnavailable(call("/api/notifications/" + UUID.randomUUID()));
    }

    private WebTestClient.ResponseSpec call(String path) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange();
    }

    private static void expectServiceUnavailable(WebTestClient.ResponseSpec answer) {
        answer.expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(BREAKER_OPEN_SECONDS))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/service-unavailable");
    }

    /** Looked up, never created here: a breaker created by the registry would not have the gateway's settings. */
    private CircuitBreaker flakyBreaker() {
        return breakers.getCircuitBreakerRegistry().find(FLAKY_BREAKER).orElseThrow();
    }

    private static boolean isUp() {
        try (var socket = new java.net.Socket(
                "127.0.0.1", java.net.URI.create(FLAKY.url()).getPort())) {
            return true;
        } catch (java.io.IOException down) {
            return false;
        }
    }
}
