package kz.senim.training;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The coarse rules of training-service over real HTTP, before any feature exists behind them. */
@SenimIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    ServiceApi api;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
    }

    @Test
    void without_a_token_activities_are_401_problem_json_asking_for_a_bearer_token() {
        ServiceApi.Answer answer = api.get("/api/activities").send();

        answer.problem(401);
        assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_by_someone_else_is_401() {
        api.get("/api/activities")
                .auth("Bearer " + TestJwts.forgedToken())
                .send()
                .problem(401);
    }

    @Test
    void a_student_may_not_write_the_annual_plan_403_in_their_language() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer answer =
                api.post("/api/plans").auth(student).language("kk").send();

        assertThat(answer.problem(403).get("title").asString()).isEqualTo("Рұқсат жоқ");
    }

    @Test
    void a_teacher_may_neither_change_nor_delete_a_plan() {
        String teacher =
                TestJwts.user().roles("teacher").school("demo-gymnasium-1").bearer();

        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertThat(api.request(method, "/api/plans/2025-2026")
                            .auth(teacher)
                            .send()
                            .status())
                    .as(method.name())
                    .isEqualTo(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coordinator", "admin"})
    void a_coordinator_and_an_admin_pass_authorization_to_write_plans_and_find_nothing_yet(String role) {
        String writer = TestJwts.user().roles(role).school("demo-gymnasium-1").bearer();

        api.post("/api/plans").auth(writer).send().problem(404);
    }

    @Test
    void a_student_may_read_the_calendar_of_their_school() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer answer = api.get("/api/activities").auth(student).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("totalElements").asInt()).isZero();
    }

    @Test
    void calendar_feeds_are_the_only_anonymous_path_and_an_unknown_token_is_404() {
        api.get("/api/activities/feeds/" + "x".repeat(43) + ".ics").send().problem(404);
        api.get("/api/activities/feeds/a/b.ics").send().problem(401);
        api.get("/api/activities/curriculum").send().problem(401);
        api.post("/api/activities/calendar-feeds").send().problem(401);
    }

    @Test
    void a_path_outside_the_services_prefixes_is_denied_even_with_a_valid_token() {
        String coordinator =
                TestJwts.user().roles("coordinator").school("demo-gymnasium-1").bearer();

        api.get("/internal/x").auth(coordinator).send().problem(403);
    }
}
