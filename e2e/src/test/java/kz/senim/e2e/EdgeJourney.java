package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.local.api.SenimApi;
import org.junit.jupiter.api.Test;

/** The edge as a client meets it: real Keycloak tokens pass, no token or a forged one does not. */
class EdgeJourney {

    private final SenimApi api = EndToEnd.api();

    @Test
    void aStudentWithARealKeycloakTokenReachesTheServicesThroughTheGateway() {
        var student = api.as("student1.gym1");

        assertThat(student.claims().get("school_id").asString()).isEqualTo("demo-gymnasium-1");
        student.get("/api/cases").expect(200);
        student.get("/api/activities?from=2026-09-01&to=2027-08-31").expect(200);
        student.get("/api/notifications/unread-count").expect(200);
    }

    @Test
    void withoutATokenTheEdgeAnswers401AsProblemDetails() {
        var answer = api.anonymous().get("/api/cases").expect(401);

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
