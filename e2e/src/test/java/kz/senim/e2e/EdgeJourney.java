package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The edge as a client meets it: real Keycloak tokens pass, no token or a forged one does not. */
@Order(13)
class EdgeJourney {

    private final SenimApi api = EndToEnd.api();

    @Test
    void a_student_with_a_real_keycloak_token_reaches_the_services_through_the_gateway() {
        var student = api.as("student1.gym1");

        assertThat(student.claims().get("school_id").asString()).isEqualTo("demo-gymnasium-1");
        student.get("/api/cases").expect(200);
        student.get("/api/activities?from=2026-09-01&to=2027-08-31").expect(200);
        student.get("/api/notifications/unread-count").expect(200);
    }

    @Test
    void without_a_token_the_edge_answers_401_as_problem_details() {
        var answer = api.anonymous().get("/api/cases").expect(401);

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
