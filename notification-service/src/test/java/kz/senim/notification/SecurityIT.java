package kz.senim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SenimIntegrationTest
@Import(TestRecipients.class)
class SecurityIT {

    @LocalServerPort
    int port;

    ServiceApi api;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
    }

    @Test
    void the_inbox_needs_a_token() {
        ServiceApi.Answer answer = api.get("/api/notifications").send();

        answer.problem(401);
        assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void failed_deliveries_are_for_admins_only() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();
        api.get("/api/notifications/failed-deliveries").auth(student).send().problem(403);

        String admin = TestJwts.user().roles("admin").school("demo-gymnasium-1").bearer();
        assertThat(api.get("/api/notifications/failed-deliveries")
                        .auth(admin)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_unsubscribe_link_needs_no_sign_in_but_a_valid_token() {
        // No 401: the mail's link carries its own signed token; a forged one finds nothing.
        api.post("/api/notifications/unsubscribe?token=forged.token").send().problem(404);
        api.post("/api/notifications/unsubscribe").send().problem(404);
        api.get("/api/notifications/unsubscribe?token=forged.token").send().problem(404);
    }

    @Test
    void readiness_answers_without_a_token() {
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }
}
