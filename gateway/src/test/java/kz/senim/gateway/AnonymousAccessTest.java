package kz.senim.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@ExtendWith(OutputCaptureExtension.class)
class AnonymousAccessTest extends GatewayTest {

    private static final String SENDER_ADDRESS = "203.0.113.77";
    private static final String SENDER_BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) SenderBrowser/1.0";

    @Test
    void trust_box_message_reaches_the_case_service_without_anything_that_identifies_the_sender(CapturedOutput output) {
        String path = "/api/trust-box/messages/" + UUID.randomUUID();

        client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"Someone takes my lunch every day\"}")
                .header(HttpHeaders.USER_AGENT, SENDER_BROWSER)
                .header("X-Forwarded-For", SENDER_ADDRESS)
                .header("Forwarded", "for=" + SENDER_ADDRESS)
                .header("X-Real-IP", SENDER_ADDRESS)
                .header(HttpHeaders.COOKIE, "session=abc123")
                .exchange()
                .expectStatus()
                .isOk();

        StubService.Received received = CASES.received(path).orElseThrow();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("X-Forwarded-For")).isEmpty();
        assertThat(received.header("Forwarded")).isEmpty();
        assertThat(received.header("X-Real-IP")).isEmpty();
        assertThat(received.header(HttpHeaders.COOKIE)).isEmpty();
        assertThat(received.header(HttpHeaders.USER_AGENT)).hasValue("senim-gateway");
        assertThat(received.header("X-Request-Id")).isPresent();
        assertThat(output.getAll()).doesNotContain(SENDER_ADDRESS).doesNotContain("SenderBrowser");
    }

    @Test
    void other_routes_forward_the_user_agent() {
        String path = "/api/cases/" + UUID.randomUUID();
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .header(HttpHeaders.USER_AGENT, SENDER_BROWSER)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(CASES.received(path).orElseThrow().header(HttpHeaders.USER_AGENT))
                .hasValue(SENDER_BROWSER);
    }

    @Test
    void club_page_can_be_read_without_signing_in() {
        String path = "/api/schools/" + UUID.randomUUID() + "/club";
        client.get().uri(path).exchange().expectStatus().isOk();
        assertThat(MEMBERSHIP.received(path)).isPresent();
    }

    @Test
    void club_page_cannot_be_changed_without_signing_in() {
        String path = "/api/schools/" + UUID.randomUUID() + "/club";
        client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(MEMBERSHIP.received(path)).isEmpty();
    }

    @Test
    void a_calendar_feed_is_read_with_its_token_alone_but_nothing_else_of_the_activities_is() {
        String feed = "/api/activities/feeds/" + UUID.randomUUID() + ".ics";
        client.get().uri(feed).exchange().expectStatus().isOk();
        assertThat(TRAINING.received(feed)).isPresent();

        String activities = "/api/activities/" + UUID.randomUUID();
        client.get().uri(activities).exchange().expectStatus().isUnauthorized();
        assertThat(TRAINING.received(activities)).isEmpty();
    }

    @Test
    void an_unsubscribe_link_from_an_email_works_without_signing_in_but_the_inbox_does_not() {
        client.post()
                .uri("/api/notifications/unsubscribe?token=abc")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(401).isNotEqualTo(403));
        client.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void consultations_go_to_the_case_service_for_signed_in_users_only() {
        String path = "/api/consultations/" + UUID.randomUUID();
        client.get().uri(path).exchange().expectStatus().isUnauthorized();
        assertThat(CASES.received(path)).isEmpty();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.student()))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(CASES.received(path)).isPresent();
    }

    @Test
    void readiness_and_liveness_are_open_to_probes() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheus_can_scrape_without_token() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }

    @Test
    void service_api_document_is_served_at_the_gateway() {
        TRAINING.answer("/v3/api-docs", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"training\"}}");
        client.get()
                .uri("/v3/api-docs/training")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("training");
    }

    @Test
    void swagger_ui_lists_the_services() {
        client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].url")
                .value(urls -> assertThat(urls)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder(
                                "/v3/api-docs/cases",
                                "/v3/api-docs/membership",
                                "/v3/api-docs/training",
                                "/v3/api-docs/notifications",
                                "/v3/api-docs/reports"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
