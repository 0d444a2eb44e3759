package kz.senim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import kz.senim.platform.security.VerifiedJwts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/** What every service gets from the platform: the caller from the token, and problem details. */
@SenimIntegrationTest(properties = "spring.kafka.listener.auto-startup=false")
class PlatformWebIT {

    @LocalServerPort
    int port;

    ServiceApi api;

    @BeforeEach
    void connect() {
        api = ServiceApi.at(port);
    }

    @Test
    void the_caller_is_read_from_the_token() {
        var user = TestJwts.user()
                .roles("student", "mediator", "unknown-role")
                .school("demo-gymnasium-1")
                .locale("kk");

        JsonNode me = api.get("/api/me").auth(user.bearer()).send().json();

        assertThat(me.get("id").asString()).isEqualTo(user.subject());
        assertThat(me.get("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("STUDENT", "MEDIATOR");
        assertThat(me.get("schoolId").asString()).isEqualTo("demo-gymnasium-1");
        assertThat(me.get("locale").asString()).isEqualTo("kk");
    }

    @Test
    void metrics_are_not_pushed_over_otlp_where_no_collector_listens(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeanNamesForType(io.micrometer.registry.otlp.OtlpMeterRegistry.class))
                .isEmpty();
    }

    @Test
    void verified_tokens_are_remembered_and_spring_security_is_not_observed(
            @Autowired JwtDecoder decoder, @Autowired ObservationRegistry observations) {
        assertThat(decoder).isInstanceOf(VerifiedJwts.class);
        assertThat(Observation.start("spring.security.filterchains", observations)
                        .isNoop())
                .isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop())
                .isFalse();
    }

    @Test
    void an_anonymous_caller_on_an_open_route_that_needs_the_caller_gets_401_not_500() {
        api.get("/api/open/me").send().problem(401);
    }

    @Test
    void a_refused_token_is_told_apart_from_a_missing_one() {
        assertThat(api.get("/api/me").send().headers().getFirst("WWW-Authenticate"))
                .doesNotContain("invalid_token");
        assertThat(api.get("/api/me")
                        .auth("Bearer " + TestJwts.forgedToken())
                        .send()
                        .headers()
                        .getFirst("WWW-Authenticate"))
                .contains("error=\"invalid_token\"");
    }

    @Test
    void every_problem_speaks_the_first_supported_language_of_the_caller() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer forbidden = api.get("/api/coordinators/x")
                .auth(student)
                .language("de, ru;q=0.8")
                .send();
        ServiceApi.Answer notFound =
                api.get("/api/things/1").auth(student).language("de, ru;q=0.8").send();
        ServiceApi.Answer inEnglish =
                api.get("/api/things/1").auth(student).language("de").send();

        assertThat(forbidden.problem(403).get("title").asString()).isEqualTo("Нет доступа");
        assertThat(notFound.problem(404).get("title").asString()).isEqualTo("Не найдено");
        assertThat(inEnglish.problem(404).get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void a_request_that_is_not_json_is_a_problem_too() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer answer = api.post("/api/greetings")
                .auth(student)
                .language("kk")
                .json("{oops")
                .send();

        JsonNode problem = answer.problem(400);
        assertThat(problem.get("title").asString()).isEqualTo("Сұрауды оқу мүмкін емес");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void validation_lists_every_field_with_a_message_in_the_callers_language() {
        String student =
                TestJwts.user().roles("student").school("demo-gymnasium-1").bearer();

        ServiceApi.Answer answer = api.post("/api/greetings")
                .auth(student)
                .language("ru")
                .json("{\"word\":\"far too long\"}")
                .send();

        JsonNode problem = answer.problem(400);
        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("word", "language");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .contains("длина должна быть от 0 до 5", "не должно быть пустым");
        assertThat(problem.get("requestId").asString())
                .isEqualTo(answer.headers().getFirst("X-Request-Id"));
    }
}
