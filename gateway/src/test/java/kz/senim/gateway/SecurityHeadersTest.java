package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class SecurityHeadersTest extends GatewayTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void an_answer_of_a_service_carries_the_edges_headers_once() {
        HttpHeaders headers = client.get()
                .uri("/api/cases/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders();
        assertStrictApiHeaders(headers);
    }

    @Test
    void the_gateways_own_errors_carry_them_too() {
        HttpHeaders headers = client.get()
                .uri("/api/cases")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .returnResult(String.class)
                .getResponseHeaders();
        assertStrictApiHeaders(headers);
    }

    @Test
    void strict_transport_security_is_left_to_the_https_proxy() {
        client.get().uri("/api/cases").exchange().expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void a_services_own_caching_is_kept() {
        String feed = "/api/activities/feeds/" + UUID.randomUUID() + ".ics";
        TRAINING.answerHeader(feed, HttpHeaders.CACHE_CONTROL, "private, max-age=300");
        client.get()
                .uri(feed)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valuesMatch(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
    }

    @Test
    void a_page_outside_the_api_keeps_the_policy_it_brings() {
        String portalPolicy = "default-src 'self'; script-src 'self' 'sha256-abc'";
        MEMBERSHIP.answerHeader("/v3/api-docs", "Content-Security-Policy", portalPolicy);
        client.get()
                .uri("/v3/api-docs/membership")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valuesMatch("Content-Security-Policy", "\\Q" + portalPolicy + "\\E");
    }

    @Test
    void swagger_ui_still_works_under_its_own_policy() {
        String location = client.get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);
        assertThat(location).contains("/swagger-ui/index.html");

        client.get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        policy -> assertThat(policy)
                                .contains("script-src 'self'")
                                .contains("img-src 'self' data:")
                                // Swagger UI's sign-in fetches the token from the realm, nothing else
                                .contains("connect-src 'self' " + TestTokens.ISSUER + "/protocol/openid-connect/token;")
                                .contains("frame-ancestors 'none'"))
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
        client.get()
                .uri("/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(script -> assertThat(script)
                        .contains("/v3/api-docs/swagger-config")
                        // "Authorize" signs in with the realm's public client, authorization code with PKCE
                        .contains("\"clientId\":\"senim-portal\"")
                        .contains("\"scopes\":\"openid\"")
                        .contains("\"usePkceWithAuthorizationCodeGrant\":true"));
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls.length()")
                .isEqualTo(5)
                // the redirect URI the realm's client allows (keycloak/senim-realm.json)
                .jsonPath("$.oauth2RedirectUrl")
                .value(url -> assertThat(url).asString().endsWith("/swagger-ui/oauth2-redirect.html"));
        // ... which the gateway serves itself (its script from its own origin), not the portal
        client.get()
                .uri("/swagger-ui/oauth2-redirect.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("<script src=\"oauth2-redirect.js\"></script>"));
        client.get()
                .uri("/swagger-ui/oauth2-redirect.js")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(PORTAL_PAGES.received("/swagger-ui/oauth2-redirect.html")).isEmpty();
    }

    static void assertStrictApiHeaders(HttpHeaders headers) {
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.get("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(headers.get("Permissions-Policy"))
                .singleElement()
                .satisfies(policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(headers.get("Content-Security-Policy")).containsExactly(API_POLICY);
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).hasSize(1);
    }
}
