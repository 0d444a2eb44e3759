package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coarse rules of case-service over real HTTP, before any feature exists behind them. */
@SenimIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    ServiceApi api;

    final String triage = "/api/cases/" + UUID.randomUUID() + "/triage";

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
    }

    @Test
    void without_a_token_a_case_is_401_problem_json_asking_for_a_bearer_token() {
        ServiceApi.Answer answer = api.get("/api/cases").send();

        answer.problem(401);
        assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_by_someone_else_is_401() {
        api.get("/api/cases").auth("Bearer " + TestJwts.forgedToken()).send().problem(401);
    }

    @Test
    void only_a_coordinator_triages_a_student_is_refused_in_kazakh() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer answer = api.post(triage).auth(student).language("kk").send();

        assertThat(answer.problem(403).get("title").asString()).isEqualTo("Рұқсат жоқ");
    }

    @Test
    void a_mediator_may_not_triage_either() {
        String mediator = TestJwts.user()
                .roles("student", "mediator")
                .school("demo-gymnasium-1")
                .bearer();

        assertThat(api.post(triage).auth(mediator).send().status()).isEqualTo(403);
    }

    @Test
    void a_coordinator_passes_authorization_and_an_unknown_case_answers_404_problem_json() {
        String coordinator =
                TestJwts.user().roles("coordinator").school("demo-gymnasium-1").bearer();

        api.post(triage)
                .auth(coordinator)
                .json("{\"decision\":\"DECLINE\",\"reason\":\"Not a conflict\"}")
                .send()
                .problem(404);
    }

    @Test
    void the_trust_box_needs_no_login() {
        api.get("/api/trust-box/schools/demo-gymnasium-1/anything").send().problem(404);
    }

    @Test
    void a_path_outside_the_services_prefixes_is_denied_even_with_a_valid_token() {
        String coordinator =
                TestJwts.user().roles("coordinator").school("demo-gymnasium-1").bearer();

        api.get("/internal/x").auth(coordinator).send().problem(403);
    }
}
