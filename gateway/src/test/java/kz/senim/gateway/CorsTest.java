package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorsTest extends GatewayTest {

    @Test
    void thePortalsPreflightIsAnsweredAtTheGatewayWithoutAToken() {
        String path = "/api/cases/" + UUID.randomUUID();
        client.options()
                .uri(path)
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(
                        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                        "authorization, content-type, if-match, idempotency-key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("PUT"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization", "content-type", "if-match", "idempotency-key"))
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        assertThat(CASES.received(path)).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client.options()
                .uri("/api/cases")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aPreflightAskingForAHeaderNotAllowedIsRefused() {
        client.options()
                .uri("/api/cases")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-debug-school")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void thePortalMayReadTheAnswerAndItsExposedHeaders() {
        client.get()
                .uri("/api/cases/" + UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed.toLowerCase())
                                .contains("etag", "location", "retry-after", "x-request-id"));
    }

    @Test
    void aCallFromAnotherOriginIsServedButNotMadeReadableToItsPage() {
        client.get()
                .uri("/api/cases/" + UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
