package kz.senim.cases.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TestJwts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every write endpoint, given a missing, malformed, incomplete, oversized or wrongly typed body,
 * answers 400 problem+json naming every bad field, and never 5xx.
 */
@SenimIntegrationTest
class CaseRequestValidationIT {

    static final String LONG = "x".repeat(8001);
    static final String CASE = "/api/cases/" + UUID.randomUUID();

    @LocalServerPort
    int port;

    /** endpoint, body (null: none), the fields the answer must name (empty: just 400). */
    static Stream<Arguments> badBodies() {
        List<Arguments> rows = new ArrayList<>();
        String[][] endpoints = {
            {"POST", "/api/cases"},
            {"POST", CASE + "/triage"},
            {"POST", CASE + "/escalation"},
            {"POST", CASE + "/mediators"},
            {"POST", CASE + "/objections"},
            {"POST", CASE + "/consents"},
            {"POST", CASE + "/sessions"},
            {"PUT", CASE + "/sessions/" + UUID.randomUUID() + "/notes"},
            {"PUT", CASE + "/agreement"},
            {"POST", CASE + "/follow-up"},
            {"PUT", "/api/cases/settings"},
        };
        for (String[] e : endpoints) {
            rows.add(Arguments.of(e[0], e[1], null, List.of()));
            rows.add(Arguments.of(e[0], e[1], "{", List.of()));
            rows.add(Arguments.of(e[0], e[1], "[1,2]", List.of()));
            rows.add(Arguments.of(e[0], e[1], "\"text\"", List.of()));
        }
        // Missing fields: every required one is named.
        rows.add(Arguments.of("POST", "/api/cases", "{}", List.of("parties", "description")));
        rows.add(Arguments.of("POST", CASE + "/triage", "{}", List.of("decision", "reason")));
        rows.add(Arguments.of("POST", CASE + "/escalation", "{}", List.of("reason")));
        rows.add(Arguments.of("POST", CASE + "/mediators", "{}", List.of("userId")));
        rows.add(Arguments.of("POST", CASE + "/objections", "{}", List.of("mediatorId")));
        rows.add(Arguments.of("POST", CASE + "/consents", "{}", List.of("partyId", "given")));
        rows.add(Arguments.of("POST", CASE + "/sessions", "{}", List.of("kind", "startsAt", "place", "participants")));
        rows.add(Arguments.of("PUT", CASE + "/sessions/" + UUID.randomUUID() + "/notes", "{}", List.of("notes")));
        rows.add(Arguments.of("PUT", CASE + "/agreement", "{}", List.of("commitments")));
        rows.add(Arguments.of("POST", CASE + "/follow-up", "{}", List.of("result")));
        rows.add(Arguments.of("POST", CASE + "/withdrawal", "{\"note\":\"" + LONG + "\"}", List.of("note")));
        // Oversized and out-of-range values.
        rows.add(Arguments.of(
                "POST",
                "/api/cases",
                """
                {"description":"%s","urgency":"VERY","channel":"PIGEON","preferredLanguage":"de",
                 "parties":[{"userId":"a"},{"name":"%s","grade":12},{"userId":"b","name":"both"},{}]}
                """.formatted(LONG, LONG),
                List.of(
                        "description",
                        "urgency",
                        "channel",
                        "preferredLanguage",
                        "parties[1].name",
                        "parties[1].grade",
                        "parties[2].userOrNamed",
                        "parties[3].userOrNamed")));
        rows.add(Arguments.of(
                "POST", "/api/cases", "{\"description\":\"d\",\"parties\":[{\"userId\":\"a\"}]}", List.of("parties")));
        rows.add(Arguments.of(
                "POST",
                CASE + "/triage",
                "{\"decision\":\"MAYBE\",\"reason\":\"" + LONG + "\"}",
                List.of("decision", "reason")));
        rows.add(Arguments.of(
                "POST", CASE + "/mediators", "{\"userId\":\"has spaces and / slashes\"}", List.of("userId")));
        rows.add(Arguments.of(
                "PUT",
                CASE + "/sessions/" + UUID.randomUUID() + "/notes",
                "{\"notes\":\"" + LONG + "\"}",
                List.of("notes")));
        rows.add(Arguments.of(
                "PUT",
                CASE + "/agreement",
                "{\"commitments\":[{\"partyId\":\"" + UUID.randomUUID() + "\",\"text\":\"\"},{}]}",
                List.of("commitments[0].text", "commitments[1].partyId", "commitments[1].text")));
        rows.add(Arguments.of("PUT", CASE + "/agreement", "{\"commitments\":[]}", List.of("commitments")));
        rows.add(Arguments.of(
                "POST",
                CASE + "/sessions",
                "{\"kind\":\"GROUP\",\"startsAt\":\"2026-12-01T10:00:00+05:00\",\"place\":\"\",\"participants\":[]}",
                List.of("kind", "place", "participants")));
        // Wrongly typed fields are named too.
        rows.add(Arguments.of(
                "POST", CASE + "/consents", "{\"partyId\":\"not-a-uuid\",\"given\":true}", List.of("partyId")));
        rows.add(Arguments.of(
                "POST",
                CASE + "/consents",
                "{\"partyId\":\"" + UUID.randomUUID() + "\",\"given\":{\"yes\":1}}",
                List.of("given")));
        rows.add(Arguments.of(
                "POST",
                CASE + "/sessions",
                "{\"kind\":\"JOINT\",\"startsAt\":\"next tuesday\",\"place\":\"Room\",\"participants\":[\""
                        + UUID.randomUUID() + "\"]}",
                List.of("startsAt")));
        rows.add(Arguments.of(
                "POST",
                "/api/cases",
                "{\"description\":\"d\",\"parties\":[{\"userId\":\"a\",\"grade\":\"seventh\"},{\"userId\":\"b\"}]}",
                List.of("parties[0].grade")));
        rows.add(Arguments.of("POST", "/api/cases", "{\"description\":\"d\",\"parties\":\"two\"}", List.of("parties")));
        rows.add(Arguments.of("POST", CASE + "/withdrawal", "{\"partyId\":42}", List.of("partyId")));
        // School settings: missing, out of range, oversized, wrongly typed.
        rows.add(Arguments.of(
                "PUT",
                "/api/cases/settings",
                "{}",
                List.of("mediatorsPerCase", "followUpDays", "retentionDays", "timeZone")));
        rows.add(Arguments.of(
                "PUT",
                "/api/cases/settings",
                "{\"mediatorsPerCase\":0,\"guardianConsentBelowGrade\":13,\"followUpDays\":366,"
                        + "\"retentionDays\":-1,\"timeZone\":\"" + "x".repeat(65) + "\"}",
                List.of("mediatorsPerCase", "guardianConsentBelowGrade", "followUpDays", "retentionDays", "timeZone")));
        rows.add(Arguments.of(
                "PUT",
                "/api/cases/settings",
                "{\"mediatorsPerCase\":2,\"followUpDays\":14,\"retentionDays\":365,\"timeZone\":\"Nowhere/City\"}",
                List.of("timeZone")));
        rows.add(Arguments.of(
                "PUT",
                "/api/cases/settings",
                "{\"mediatorsPerCase\":2,\"followUpDays\":\"two weeks\",\"retentionDays\":365,\"timeZone\":\"Asia/Almaty\"}",
                List.of("followUpDays")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("badBodies")
    void a_bad_body_is_400_with_every_field_error_and_never_5xx(
            String method, String path, String body, List<String> fields) {
        ServiceApi.Request request = ServiceApi.at(port)
                .request(HttpMethod.valueOf(method), path)
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-gymnasium-1")
                        .bearer());
        if (body != null) {
            request.json(body);
        } else {
            request.header("Content-Type", "application/json");
        }

        Answer answer = request.send();

        JsonNode problem = answer.problem(400);
        if (!fields.isEmpty()) {
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .containsAll(fields);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void bad_list_parameters_are_400_too(String query, String field) {
        Answer answer = ServiceApi.at(port)
                .get("/api/cases?" + query)
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-gymnasium-1")
                        .bearer())
                .send();

        assertThat(answer.problem(400)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains(field);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("size=0", "size"),
                Arguments.of("size=1000", "size"),
                Arguments.of("page=-1", "page"),
                Arguments.of("status=LOST", "status"),
                // Consultations and questions are listed by /api/consultations, never here.
                Arguments.of("kind=CONSULTATION", "kind"),
                Arguments.of("kind=QUESTION", "kind"),
                Arguments.of("kind=mediation", "kind"),
                Arguments.of("sort=name,asc", "sort"));
    }
}
