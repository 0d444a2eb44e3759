package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class EdgeAuthenticationTest extends GatewayTest {

    @Test
    void call_without_token_is_asked_to_sign_in() {
        client.get()
                .uri("/api/cases/" + UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/unauthorized")
                .jsonPath("$.title")
                .isEqualTo("Sign-in required")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.instance")
                .value(instance -> assertThat((String) instance).startsWith("/api/cases/"))
                .jsonPath("$.requestId")
                .isNotEmpty();
    }

    @Test
    void garbage_token_is_rejected() {
        expectTokenRejected("not-a-jwt");
    }

    @Test
    void token_from_another_issuer_is_rejected() {
        expectTokenRejected(TestTokens.fromOtherIssuer());
    }

    @Test
    void token_not_signed_by_the_realm_is_rejected() {
        expectTokenRejected(TestTokens.signedByOtherKey());
    }

    @Test
    void token_without_senim_role_is_forbidden() {
        expectForbidden(TestTokens.withoutSenimRole());
    }

    @Test
    void student_without_school_is_forbidden() {
        expectForbidden(TestTokens.studentWithoutSchool());
    }

    @Test
    void district_admin_needs_no_school() {
        String path = "/api/schools/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.districtAdmin()))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(MEMBERSHIP.received(path)).isPresent();
    }

    @Test
    void student_reaches_the_service_with_the_same_authorization_header() {
        String authorization = bearer(TestTokens.student());
        String path = "/api/cases/" + UUID.randomUUID();

        String responseRequestId = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("case-service")
                .returnResult()
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        StubService.Received received = CASES.received(path).orElseThrow();
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).contains(authorization);
        assertThat(responseRequestId).isNotBlank();
        assertThat(received.header("X-Request-Id")).contains(responseRequestId);
    }

    @Test
    void a_malformed_bearer_header_is_an_invalid_token() {
        expectTokenRejected("two words");
        expectTokenRejected("=starts-with-padding");
    }

    @Test
    void paths_outside_the_api_are_not_open() {
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/actuator/env")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private void expectTokenRejected(String token) {
        client.get()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/invalid-token")
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    private void expectForbidden(String token) {
        String path = "/api/activities/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://senim.kz/problems/forbidden")
                .jsonPath("$.status")
                .isEqualTo(403)
                .jsonPath("$.requestId")
                .isNotEmpty();
        assertThat(TRAINING.received(path)).isEmpty();
    }
}
