package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The portal's pages are served at / through the gateway, from the stub {@code PORTAL_PAGES}. */
class PortalTest extends GatewayTest {

    private static final String PAGE_POLICY_START = "default-src 'self'";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void every_path_outside_the_gateways_own_is_the_portals_with_its_cookies_and_without_sign_in() {
        String page = "/club/" + UUID.randomUUID();
        client.get()
                .uri(page + "?lang=kk")
                .header(HttpHeaders.HOST, "senim.test")
                .header(HttpHeaders.COOKIE, "SESSION=abc")
                .exchange()
                .expectStatus()
                .isOk();
        StubService.Received received = PORTAL_PAGES.received(page).orElseThrow();
        assertThat(received.header(HttpHeaders.COOKIE)).contains("SESSION=abc");
        assertThat(received.header(HttpHeaders.HOST)).contains("senim.test");

        String form = "/training/plans/" + UUID.randomUUID();
        client.post()
                .uri(form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=token&title=Plan")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(PORTAL_PAGES.received(form))
                .hasValueSatisfying(post -> assertThat(post.method()).isEqualTo("POST"));
        assertThat(breakers.getCircuitBreakerRegistry().find("portal")).isPresent();
    }

    @Test
    void swagger_ui_and_actuator_stay_the_gateways() {
        client.get()
                .uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(PORTAL_PAGES.received("/webjars/swagger-ui/index.html")).isEmpty();
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        assertThat(PORTAL_PAGES.received("/actuator/env")).isEmpty();
    }

    @Test
    void a_portal_page_keeps_its_own_policy_and_caching() {
        String page = "/trust-box/" + UUID.randomUUID();
        String policy = "default-src 'self'; script-src 'self' 'nonce-r4nd0m'; form-action 'self'";
        PORTAL_PAGES.answerHeader(page, HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
        PORTAL_PAGES.answerHeader(page, "Content-Security-Policy", policy);
        PORTAL_PAGES.answerHeader(page, HttpHeaders.CACHE_CONTROL, "private, max-age=60");
        HttpHeaders headers = client.get()
                .uri(page)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders();
        assertThat(headers.get("Content-Security-Policy")).containsExactly(policy);
        assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).containsExactly("private, max-age=60");
    }

    @Test
    void a_portal_page_without_a_policy_gets_the_configured_one_and_is_not_stored() {
        HttpHeaders headers = client.get()
                .uri("/" + UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders();
        assertThat(headers.get("Content-Security-Policy"))
                .singleElement()
                .satisfies(policy ->
                        assertThat(policy).startsWith(PAGE_POLICY_START).contains("frame-ancestors 'none'"));
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }

    @Test
    void a_people_import_through_the_portal_may_be_up_to_two_megabytes() {
        int mb = 1024 * 1024;
        String tooLarge = "/club/people/import?attempt=" + UUID.randomUUID();
        client.post()
                .uri("/club/people/import")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2 * mb])
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri(tooLarge)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2 * mb + 1])
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void a_browser_that_cannot_reach_the_portal_gets_a_plain_page_and_an_api_client_a_problem() {
        PORTAL_PAGES.stop();
        try {
            client.get()
                    .uri("/")
                    .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader()
                    .value(
                            "Content-Security-Policy",
                            policy -> assertThat(policy).startsWith(PAGE_POLICY_START))
                    .expectBody(String.class)
                    .value(page -> assertThat(page)
                            .contains("қолжетімсіз", "недоступен", "unavailable", "few minutes")
                            .doesNotContain("<script", "style="));
            client.get()
                    .uri("/")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            PORTAL_PAGES.start();
            breakers.getCircuitBreakerRegistry().find("portal").ifPresent(CircuitBreaker::reset);
        }
    }
}
