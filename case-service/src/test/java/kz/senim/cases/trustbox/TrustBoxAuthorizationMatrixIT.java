package kz.senim.cases.trustbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * Every coordinator endpoint of the trust box × every role of the thread's school and of another
 * school: only the school's coordinators act (200/201, or 409 where the conversation's rules refuse);
 * another role gets 403, another school's coordinator 404 (or a list without the thread), nobody
 * without a token gets in; nobody refused learns the sender's text or changes the thread.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustBoxAuthorizationMatrixIT {

    static final String MESSAGE = "MARKER-TB they wait for me after school";
    static final String REPLY = "MARKER-REPLY we are here for you";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final String school = "tbm-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherSchool = "tbm-other-" + UUID.randomUUID().toString().substring(0, 8);
    ServiceApi api;
    String shared;

    enum Caller {
        COORDINATOR,
        STUDENT,
        MEDIATOR,
        TEACHER,
        PARENT,
        ADMIN_OF_SCHOOL,
        COORDINATOR_OF_OTHER_SCHOOL,
        STUDENT_OF_OTHER_SCHOOL,
        MEDIATOR_OF_OTHER_SCHOOL,
        TEACHER_OF_OTHER_SCHOOL,
        PARENT_OF_OTHER_SCHOOL,
        ADMIN_OF_OTHER_SCHOOL,
        DISTRICT_ADMIN,
        NOBODY
    }

    record Endpoint(String name, HttpMethod method, String path, String body, boolean list) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("threads", HttpMethod.GET, "", null, true),
            new Endpoint("thread", HttpMethod.GET, "/{id}", null, false),
            new Endpoint("reply", HttpMethod.POST, "/{id}/replies", "{\"text\":\"" + REPLY + "\"}", false),
            new Endpoint("safety concern", HttpMethod.POST, "/{id}/safety-concerns", null, false),
            new Endpoint("case proposal", HttpMethod.POST, "/{id}/case-proposal", null, false),
            new Endpoint("case", HttpMethod.POST, "/{id}/case", "{\"urgency\":\"HIGH\"}", false));

    String bearer(Caller caller) {
        return switch (caller) {
            case COORDINATOR -> user("coordinator", school);
            case STUDENT -> user("student", school);
            case MEDIATOR ->
                TestJwts.user().roles("student", "mediator").school(school).bearer();
            case TEACHER -> user("teacher", school);
            case PARENT -> user("parent", school);
            case ADMIN_OF_SCHOOL -> user("admin", school);
            case COORDINATOR_OF_OTHER_SCHOOL -> user("coordinator", otherSchool);
            case STUDENT_OF_OTHER_SCHOOL -> user("student", otherSchool);
            case MEDIATOR_OF_OTHER_SCHOOL ->
                TestJwts.user().roles("student", "mediator").school(otherSchool).bearer();
            case TEACHER_OF_OTHER_SCHOOL -> user("teacher", otherSchool);
            case PARENT_OF_OTHER_SCHOOL -> user("parent", otherSchool);
            case ADMIN_OF_OTHER_SCHOOL -> user("admin", otherSchool);
            case DISTRICT_ADMIN -> TestJwts.user().roles("admin").bearer();
            case NOBODY -> null;
        };
    }

    private static String user(String role, String schoolId) {
        return TestJwts.user().roles(role).school(schoolId).bearer();
    }

    @BeforeAll
    void aConversationInEachSchool() {
        api = ServiceApi.at(port);
        try (MembershipFeed membership = new MembershipFeed(jdbc)) {
            membership.school(school);
            membership.school(otherSchool);
        }
        // The other school has a conversation of its own: its coordinator's list is not simply empty.
        drop(otherSchool);
        shared = fresh();
    }

    /** A new conversation in the school; its thread id. */
    String fresh() {
        Set<String> before = threadIds(bearer(Caller.COORDINATOR));
        drop(school);
        Set<String> after = threadIds(bearer(Caller.COORDINATOR));
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.iterator().next();
    }

    private void drop(String schoolId) {
        Answer dropped = api.post("/api/trust-box/schools/" + schoolId + "/messages")
                .json("{\"text\":\"" + MESSAGE + "\"}")
                .send();
        assertThat(dropped.status()).as(dropped.body()).isEqualTo(201);
    }

    private Set<String> threadIds(String bearer) {
        Answer list = api.get("/api/trust-box/threads?size=100").auth(bearer).send();
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json()
                .get("content")
                .valueStream()
                .map(x -> x.get("id").asString())
                .collect(Collectors.toCollection(HashSet::new));
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint.name(), caller));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void each_coordinator_endpoint_answers_by_who_calls_and_leaks_nothing(String name, Caller caller) {
        Endpoint endpoint = ENDPOINTS.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
        if (caller == Caller.COORDINATOR) {
            String thread = fresh();
            Answer answer = call(endpoint, caller, thread);
            assertThat(answer.status()).as(answer.body()).isIn(200, 201, 409);
            if (answer.status() != 409) {
                assertThat(answer.body()).contains(thread);
            }
            return;
        }
        String before = seenByTheCoordinator(shared);
        Answer answer = call(endpoint, caller, shared);
        if (caller == Caller.NOBODY) {
            answer.problem(401);
        } else if (caller != Caller.COORDINATOR_OF_OTHER_SCHOOL) {
            answer.problem(403);
        } else if (endpoint.list()) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("totalElements").asLong()).isPositive();
        } else {
            answer.problem(404);
        }
        assertThat(answer.body()).doesNotContain("MARKER");
        if (endpoint.list()) {
            // (A refused call on a thread only echoes the path it was given as the problem's instance.)
            assertThat(answer.body()).doesNotContain(shared);
        }
        assertThat(seenByTheCoordinator(shared)).isEqualTo(before);
    }

    private String seenByTheCoordinator(String thread) {
        Answer answer = api.get("/api/trust-box/threads/" + thread)
                .auth(bearer(Caller.COORDINATOR))
                .send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private Answer call(Endpoint endpoint, Caller caller, String thread) {
        var request = api.request(
                endpoint.method(), "/api/trust-box/threads" + endpoint.path().replace("{id}", thread));
        String bearer = bearer(caller);
        if (bearer != null) {
            request.auth(bearer);
        }
        if (endpoint.body() != null) {
            request.json(endpoint.body());
        }
        return request.send();
    }
}
