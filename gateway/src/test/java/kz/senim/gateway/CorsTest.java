package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CorsTest extends GatewayTest {

    @Test
    void the_portals_preflight_is_answered_at_the_gateway_without_a_token() {
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
    void a_preflight_from_another_origin_is_refused() {
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
    void a_preflight_asking_for_a_header_not_allowed_is_refused() {
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
    void the_portal_may_read_the_answer_and_its_exposed_headers() {
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
    void a_call_from_another_origin_is_served_but_not_made_readable_to_its_page() {
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
