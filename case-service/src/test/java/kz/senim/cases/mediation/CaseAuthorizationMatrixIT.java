package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.COMMITMENT;
import static kz.senim.cases.mediation.CaseFixture.CONFIDENTIAL;
import static kz.senim.cases.mediation.CaseFixture.CONSENT_NOTE;
import static kz.senim.cases.mediation.CaseFixture.DESCRIPTION;
import static kz.senim.cases.mediation.CaseFixture.NOTES;
import static kz.senim.cases.mediation.CaseFixture.TRIAGE_REASON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import kz.senim.cases.mediation.CaseFixture.Case;
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
 * Every endpoint × every caller (each role, own and other school, party / referrer / assigned /
 * unassigned mediator). A caller who may not see a case gets 404 (403 where the role alone rules
 * it out), a caller who sees it but may not do the command gets a refusal, and neither changes
 * the case nor sees any confidential text. Callers who may act are run on a fresh case each.
 */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAuthorizationMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CaseFixture school;
    Case shared;

    /** Who calls, and what they may see of the shared case. */
    enum Caller {
        COORDINATOR("coordinator", "COORDINATOR"),
        COORDINATOR_OF_OTHER_SCHOOL("coordinator", "NONE"),
        ASSIGNED_MEDIATOR("mediator", "MEDIATOR"),
        UNASSIGNED_MEDIATOR("mediator", "NONE"),
        PARTY("student", "PARTY"),
        REFERRING_TEACHER("teacher", "STATUS"),
        OTHER_STUDENT("student", "NONE"),
        PARENT("parent", "NONE"),
        ADMIN_OF_SCHOOL("admin", "NONE"),
        DISTRICT_ADMIN("admin", "NONE"),
        STUDENT_OF_OTHER_SCHOOL("student", "NONE");

        final String role;
        final String sees;

        Caller(String role, String sees) {
            this.role = role;
            this.sees = sees;
        }
    }

    /** An endpoint, the role it needs (null: any signed-in caller), and who may act on it. */
    record Endpoint(
            String name,
            HttpMethod method,
            String path,
            Function<Case, String> body,
            String role,
            Set<Caller> mayAct) {}

    String bearer(Caller caller) {
        CaseFixture f = school;
        return switch (caller) {
            case COORDINATOR -> f.asCoordinator();
            case COORDINATOR_OF_OTHER_SCHOOL ->
                TestJwts.user(f.coordinator)
                        .roles("coordinator")
                        .school(f.otherSchool)
                        .bearer();
            case ASSIGNED_MEDIATOR -> f.asMediator(f.dana);
            case UNASSIGNED_MEDIATOR -> f.asMediator(f.spareMediator);
            case PARTY -> f.asStudent(f.alua);
            case REFERRING_TEACHER -> f.asTeacher();
            case OTHER_STUDENT -> f.asStudent(f.outsider);
            case PARENT ->
                TestJwts.user(f.parent).roles("parent").school(f.school).bearer();
            case ADMIN_OF_SCHOOL ->
                TestJwts.user().roles("admin").school(f.school).bearer();
            case DISTRICT_ADMIN -> TestJwts.user().roles("admin").bearer();
            case STUDENT_OF_OTHER_SCHOOL ->
                TestJwts.user(f.alua).roles("student").school(f.otherSchool).bearer();
        };
    }

    static final Set<Caller> TEAM = Set.of(Caller.COORDINATOR, Caller.ASSIGNED_MEDIATOR);
    static final Set<Caller> COORDINATOR_ONLY = Set.of(Caller.COORDINATOR);

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("triage", HttpMethod.POST, "/triage", c -> """
                        {"decision":"DECLINE","reason":"no"}""", "coordinator", COORDINATOR_ONLY),
                new Endpoint("escalation", HttpMethod.POST, "/escalation", c -> """
                        {"reason":"a concern"}""", "coordinator", COORDINATOR_ONLY),
                new Endpoint(
                        "assign",
                        HttpMethod.POST,
                        "/mediators",
                        c -> "{\"userId\":\"" + school.spareMediator + "\"}",
                        "coordinator",
                        COORDINATOR_ONLY),
                new Endpoint(
                        "unassign",
                        HttpMethod.DELETE,
                        "/mediators/" + school.erlan,
                        c -> null,
                        "coordinator",
                        COORDINATOR_ONLY),
                new Endpoint("legal hold", HttpMethod.POST, "/legal-hold", c -> null, "coordinator", COORDINATOR_ONLY),
                new Endpoint("audit trail", HttpMethod.GET, "/audit", c -> null, "coordinator", COORDINATOR_ONLY),
                new Endpoint(
                        "eligible mediators",
                        HttpMethod.GET,
                        "/eligible-mediators",
                        c -> null,
                        "coordinator",
                        COORDINATOR_ONLY),
                new Endpoint(
                        "objection",
                        HttpMethod.POST,
                        "/objections",
                        c -> "{\"mediatorId\":\"" + school.erlan + "\"}",
                        null,
                        Set.of(Caller.PARTY)),
                new Endpoint(
                        "conflict of interest", HttpMethod.POST, "/conflict-of-interest", c -> null, "mediator", TEAM),
                new Endpoint("consent request", HttpMethod.POST, "/consent-request", c -> null, null, TEAM),
                new Endpoint(
                        "consent",
                        HttpMethod.POST,
                        "/consents",
                        c -> "{\"partyId\":\"" + c.aluaParty() + "\",\"given\":true}",
                        null,
                        Set.of(Caller.PARTY, Caller.COORDINATOR)),
                new Endpoint(
                        "withdrawal",
                        HttpMethod.POST,
                        "/withdrawal",
                        c -> "{}",
                        null,
                        Set.of(Caller.PARTY, Caller.COORDINATOR)),
                new Endpoint("session", HttpMethod.POST, "/sessions", c -> """
                                {"kind":"INDIVIDUAL","startsAt":"2026-12-02T15:00:00+05:00","place":"Room 1","participants":["%s"]}""".formatted(c.bekzatParty()), null, TEAM),
                new Endpoint(
                        "session cancellation",
                        HttpMethod.POST,
                        "/sessions/{session}/cancellation",
                        c -> null,
                        null,
                        TEAM),
                new Endpoint("session notes", HttpMethod.PUT, "/sessions/{session}/notes", c -> """
                        {"notes":"more"}""", null, TEAM),
                new Endpoint(
                        "agreement",
                        HttpMethod.PUT,
                        "/agreement",
                        c -> """
                                {"commitments":[{"partyId":"%s","text":"a"},{"partyId":"%s","text":"b"}]}""".formatted(c.aluaParty(), c.bekzatParty()),
                        null,
                        TEAM),
                new Endpoint(
                        "signature", HttpMethod.POST, "/agreement/signatures", c -> null, null, Set.of(Caller.PARTY)),
                new Endpoint("no agreement", HttpMethod.POST, "/no-agreement", c -> null, null, TEAM),
                new Endpoint("follow-up", HttpMethod.POST, "/follow-up", c -> """
                        {"result":"KEPT"}""", null, TEAM),
                new Endpoint("reopening", HttpMethod.POST, "/reopening", c -> null, null, TEAM),
                new Endpoint("closure", HttpMethod.POST, "/closure", c -> null, null, TEAM));
    }

    @BeforeAll
    void aSchoolWithACaseInMediation() {
        school = new CaseFixture(ServiceApi.at(port), jdbc);
        shared = school.inMediation();
        Answer settings = school.api
                .request(HttpMethod.PUT, SETTINGS)
                .auth(school.asCoordinator())
                .json(SCHOOL_SETTINGS)
                .send();
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    }

    static final String SETTINGS = "/api/cases/settings";
    /** The shared school's settings; 123 retention days mark them (and change nothing the matrix does). */
    static final String SCHOOL_SETTINGS =
            "{\"mediatorsPerCase\":2,\"followUpDays\":14,\"retentionDays\":123,\"timeZone\":\"Asia/Almaty\"}";

    @ParameterizedTest(name = "school settings by {0}")
    @MethodSource("callers")
    void the_school_settings_answer_by_who_calls_and_only_for_their_own_school(Caller caller) {
        Answer read = school.api.get(SETTINGS).auth(bearer(caller)).send();
        // A stale version: whoever passes authorization is stopped by 412, so nothing changes.
        Answer change = school.api
                .request(HttpMethod.PUT, SETTINGS)
                .auth(bearer(caller))
                .header("If-Match", "\"999\"")
                .json(SCHOOL_SETTINGS.replace("123", "7"))
                .send();

        switch (caller) {
            case COORDINATOR, ADMIN_OF_SCHOOL -> {
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                assertThat(read.json().get("retentionDays").asInt()).isEqualTo(123);
                change.problem(412);
            }
            case COORDINATOR_OF_OTHER_SCHOOL -> {
                // Their own school's settings, never the shared school's.
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                assertThat(read.json().get("retentionDays").asInt()).isNotEqualTo(123);
                change.problem(412);
            }
            case DISTRICT_ADMIN -> {
                read.problem(404);
                change.problem(404);
            }
            default -> {
                read.problem(403);
                change.problem(403);
            }
        }
        Answer after = school.api.get(SETTINGS).auth(school.asCoordinator()).send();
        assertThat(after.headers().getETag()).isEqualTo("\"1\"");
        assertThat(after.json().get("retentionDays").asInt()).isEqualTo(123);
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
    void each_command_answers_by_who_calls_and_leaks_nothing(String endpointName, Caller caller) {
        Endpoint endpoint = endpoints().stream()
                .filter(e -> e.name().equals(endpointName))
                .findFirst()
                .orElseThrow();
        boolean hasRole = endpoint.role() == null
                || caller.role.equals(endpoint.role())
                || (endpoint.role().equals("mediator") && caller.role.equals("coordinator"));
        if (endpoint.mayAct().contains(caller)) {
            // On a fresh case: the caller passes authorization (the domain may still refuse by state).
            Case fresh = school.inMediation();
            Answer answer = call(endpoint, caller, fresh);
            assertThat(answer.status()).as(answer.body()).isIn(200, 409);
            return;
        }
        long before = school.version(shared);
        Answer answer = call(endpoint, caller, shared);
        if (!hasRole) {
            answer.problem(403);
        } else if (caller.sees.equals("NONE")) {
            answer.problem(404);
        } else {
            assertThat(answer.status()).as(answer.body()).isIn(403, 409);
        }
        assertThat(school.version(shared)).as("the case is unchanged").isEqualTo(before);
        CONFIDENTIAL.forEach(text -> assertThat(answer.body()).doesNotContain(text));
    }

    static final Map<String, List<String>> SEES = Map.of(
            "COORDINATOR", List.of(DESCRIPTION, TRIAGE_REASON, CONSENT_NOTE, NOTES, COMMITMENT),
            "MEDIATOR", List.of(DESCRIPTION, NOTES, COMMITMENT),
            "PARTY", List.of(COMMITMENT),
            "STATUS", List.of(),
            "NONE", List.of());

    @ParameterizedTest(name = "reading the case as {0}")
    @MethodSource("callers")
    void each_caller_reads_exactly_what_they_may_see(Caller caller) {
        Answer answer = school.api.get(shared.path()).auth(bearer(caller)).send();

        if (caller.sees.equals("NONE")) {
            answer.problem(404);
        } else {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asString()).isEqualTo("IN_MEDIATION");
        }
        List<String> visible = SEES.get(caller.sees);
        for (String text : CONFIDENTIAL) {
            if (visible.contains(text)) {
                assertThat(answer.body()).contains(text);
            } else {
                assertThat(answer.body()).doesNotContain(text);
            }
        }
        if (caller.sees.equals("STATUS")) {
            assertThat(answer.json().has("parties")).isFalse();
            assertThat(answer.json().has("agreement")).isFalse();
        }
    }

    @ParameterizedTest(name = "listing cases as {0}")
    @MethodSource("callers")
    void each_caller_lists_only_cases_they_may_see_and_no_text(Caller caller) {
        Answer answer =
                school.api.get("/api/cases?size=100").auth(bearer(caller)).send();

        if (caller == Caller.DISTRICT_ADMIN) {
            answer.problem(404);
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        boolean listed = answer.json()
                .get("content")
                .valueStream()
                .anyMatch(c -> c.get("id").asString().equals(shared.id()));
        assertThat(listed).isEqualTo(!caller.sees.equals("NONE"));
        CONFIDENTIAL.forEach(text -> assertThat(answer.body()).doesNotContain(text));
    }

    Stream<Caller> callers() {
        return Stream.of(Caller.values());
    }

    Answer call(Endpoint endpoint, Caller caller, Case c) {
        String path = c.path() + endpoint.path().replace("{session}", c.session());
        var request = school.api.request(endpoint.method(), path).auth(bearer(caller));
        String body = endpoint.body().apply(c);
        if (body != null) {
            request.json(body.strip());
        }
        return request.send();
    }
}
