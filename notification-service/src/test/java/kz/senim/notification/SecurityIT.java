package kz.senim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SenimIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Test
    void the_inbox_needs_a_token() {
        ResponseEntity<Void> response = get("/api/notifications", null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void failed_deliveries_are_for_admins_only() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();
        ResponseEntity<Void> forbidden = get("/api/notifications/failed-deliveries", student);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String admin = TestJwts.user().roles("admin").school("demo-gymnasium-1").bearer();
        // Authorized, and no such resource yet: 404 problem, not a 403.
        ResponseEntity<Void> allowed = get("/api/notifications/failed-deliveries", admin);
        assertThat(allowed.getStatusCode().value()).isEqualTo(404);
        assertThat(allowed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void readiness_answers_without_a_token() {
        assertThat(get("/actuator/health/readiness", null).getStatusCode().value())
                .isEqualTo(200);
    }

    private ResponseEntity<Void> get(String path, String authorization) {
        RestClient.RequestHeadersSpec<?> request =
                RestClient.create("http://localhost:" + port).get().uri(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
                .headers(res.getHeaders())
                .build());
    }
}
