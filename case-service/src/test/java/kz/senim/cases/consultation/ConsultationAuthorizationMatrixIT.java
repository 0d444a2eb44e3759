package kz.senim.cases.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kz.senim.cases.MembershipFeed;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every consultation endpoint × every caller: who may not see it gets 404 (403 where the role rules
 * it out) and learns nothing; who sees it but may not act gets 403 with a reason; who may act does, on a
 * fresh consultation.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationAuthorizationMatrixIT {

    static final String QUESTION = "MARKER-Q who can I talk to";
    static final String ANSWER = "MARKER-A come to room 204";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final String school = "cm-" + UUID.randomUUID().toString().substring(0, 8);
    final String asker = "asker-" + UUID.randomUUID();
    final String advisor = "advisor-" + UUID.randomUUID();
    final String otherMediator = "other-" + UUID.randomUUID();
    ServiceApi api;
    String shared;

    enum Caller {
        ASKER,
        ADVISOR,
        OTHER_MEDIATOR,
        COORDINATOR,
        COORDINATOR_OF_OTHER_SCHOOL,
        CLASSMATE,
        PARENT,
        ADMIN_OF_SCHOOL,
        DISTRICT_ADMIN
    }

    static final Set<Caller> SEES = Set.of(Caller.ASKER, Caller.ADVISOR, Caller.COORDINATOR);

    record Endpoint(
            String name, HttpMethod method, String path, String body, boolean coordinatorRole, Set<Caller> mayAct) {}

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("read", HttpMethod.GET, "", null, false, SEES),
                new Endpoint(
                        "advisor",
                        HttpMethod.POST,
                        "/advisor",
                        "{\"userId\":\"" + advisor + "\"}",
                        true,
                        Set.of(Caller.COORDINATOR)),
                new Endpoint(
                        "answer",
                        HttpMethod.POST,
                        "/answer",
                        "{\"text\":\"" + ANSWER + "\"}",
                        false,
                        Set.of(Caller.ADVISOR, Caller.COORDINATOR)),
                new Endpoint(
                        "meeting",
                        HttpMethod.POST,
                        "/meeting",
                        "{\"heldAt\":\"2026-11-20T10:00:00+05:00\",\"notes\":\"" + ANSWER + "\"}",
                        false,
                        Set.of(Caller.ADVISOR, Caller.COORDINATOR)),
                new Endpoint(
                        "closure", HttpMethod.POST, "/closure", null, false, Set.of(Caller.ASKER, Caller.COORDINATOR)),
                new Endpoint("withdrawal", HttpMethod.POST, "/withdrawal", null, false, Set.of(Caller.ASKER)));
    }

    String bearer(Caller caller) {
        return switch (caller) {
            case ASKER -> TestJwts.user(asker).roles("student").school(school).bearer();
            case ADVISOR ->
                TestJwts.user(advisor)
                        .roles("student", "mediator")
                        .school(school)
                        .bearer();
            case OTHER_MEDIATOR ->
                TestJwts.user(otherMediator)
                        .roles("student", "mediator")
                        .school(school)
                        .bearer();
            case COORDINATOR ->
                TestJwts.user("coord-" + school)
                        .roles("coordinator")
                        .school(school)
                        .bearer();
            case COORDINATOR_OF_OTHER_SCHOOL ->
                TestJwts.user().roles("coordinator").school("demo-school-2").bearer();
            case CLASSMATE -> TestJwts.user().roles("student").school(school).bearer();
            case PARENT -> TestJwts.user().roles("parent").school(school).bearer();
            case ADMIN_OF_SCHOOL ->
                TestJwts.user().roles("admin").school(school).bearer();
            case DISTRICT_ADMIN -> TestJwts.user().roles("admin").bearer();
        };
    }

    @BeforeAll
    void aConsultationWithItsAdvisor() {
        api = ServiceApi.at(port);
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.certifiedMediator(school, advisor, 10, "A");
            feed.certifiedMediator(school, otherMediator, 11, "A");
        }
        shared = fresh();
    }

    /** A consultation asked and given to the advisor. */
    String fresh() {
        Answer asked = api.post("/api/consultations")
                .auth(bearer(Caller.ASKER))
                .json("{\"kind\":\"CONSULTATION\",\"question\":\"" + QUESTION + "\"}")
                .send();
        String path = "/api/consultations/" + asked.json().get("id").asString();
        assertThat(api.post(path + "/advisor")
                        .auth(bearer(Caller.COORDINATOR))
                        .json("{\"userId\":\"" + advisor + "\"}")
                        .send()
                        .status())
                .isEqualTo(200);
        return path;
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint.name(), caller));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void each_endpoint_answers_by_who_calls_and_leaks_nothing(String name, Caller caller) {
        Endpoint endpoint = endpoints().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
        if (endpoint.mayAct().contains(caller)) {
            Answer answer = call(endpoint, caller, fresh());
            assertThat(answer.status()).as(answer.body()).isIn(200, 409);
            return;
        }
        String before = version(shared);
        Answer answer = call(endpoint, caller, shared);
        if (endpoint.coordinatorRole() && caller != Caller.COORDINATOR_OF_OTHER_SCHOOL) {
            answer.problem(403);
        } else if (!SEES.contains(caller)) {
            answer.problem(404);
        } else {
            // Seen, but not theirs to do: refused because of who acts, as a case's commands are.
            assertThat(answer.problem(403).get("reason").asString()).isNotBlank();
        }
        assertThat(version(shared)).isEqualTo(before);
        assertThat(answer.body()).doesNotContain("MARKER");
    }

    private String version(String path) {
        return api.get(path).auth(bearer(Caller.COORDINATOR)).send().headers().getETag();
    }

    private Answer call(Endpoint endpoint, Caller caller, String path) {
        var request = api.request(endpoint.method(), path + endpoint.path()).auth(bearer(caller));
        if (endpoint.body() != null) {
            request.json(endpoint.body());
        }
        return request.send();
    }
}
