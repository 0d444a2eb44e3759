package kz.senim.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import kz.senim.membership.applications.ClubProfiles;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Every endpoint × every caller: anonymous, the district admin, and each role of the object's own
 * school and of another school. {@code A} = allowed (2xx, or 409 when the state refuses after the
 * access check); {@code A-} = answered 200 but with none of the other school's objects; numbers are
 * the refusal (401 no token, 403 role, 404 not visible).
 */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class AuthorizationMatrixIT {

    static final String[] ROLES = {"student", "mediator", "teacher", "parent", "coordinator", "admin"};

    @LocalServerPort
    int port;

    TestSchool own;
    TestSchool other;
    String applicationId;

    record Row(
            String name,
            HttpMethod method,
            Supplier<String> path,
            Supplier<String> body,
            MediaType type,
            String marker,
            String expected) {}

    @Test
    void every_endpoint_answers_every_caller_as_the_rules_say() {
        ServiceApi api = ServiceApi.at(port);
        own = TestSchool.register(api);
        other = TestSchool.register(api);
        own.registerPerson(userId("student", own.id), "student", 9, "А");
        own.registerPerson(userId("mediator", own.id), "student", 10, "Б");
        own.registerPerson("matrix-person", "teacher", null, null);
        own.admit("matrix-member", 9);
        String applicant = own.student("matrix-applicant", 9);
        applicationId = api.post("/api/membership/applications")
                .auth(applicant)
                .json("{\"motivation\":\"m\",\"availability\":\"a\"}")
                .send()
                .json()
                .get("id")
                .asString();

        String schoolBody = """
                {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Almaty","region":"Almaty"}
                """.formatted(own.id);
        String person = """
                {"role":"teacher","language":"ru","givenName":"Matrix","familyName":"Person"}""";
        String csv =
                "userId,role,grade,classLetter,guardianOf,language,givenName,familyName\nmatrix-csv,teacher,,,,en,A,B\n";
        String app = "/api/membership/applications/";
        List<Row> rows = List.of(
                row(
                        "register school",
                        HttpMethod.POST,
                        () -> "/api/schools",
                        () -> schoolBody.replace(
                                own.id, "m-" + UUID.randomUUID().toString().substring(0, 8)),
                        null,
                        "401 A | 403 403 403 403 403 403 | 403 403 403 403 403 403"),
                row(
                        "list schools",
                        HttpMethod.GET,
                        () -> "/api/schools",
                        null,
                        own.id,
                        "401 A | A A A A A A | A- A- A- A- A- A-"),
                row(
                        "read school",
                        HttpMethod.GET,
                        () -> "/api/schools/" + own.id,
                        null,
                        null,
                        "401 A | A A A A A A | 404 404 404 404 404 404"),
                row(
                        "edit school",
                        HttpMethod.PUT,
                        () -> "/api/schools/" + own.id,
                        () -> schoolBody,
                        null,
                        "401 A | 403 403 403 403 403 A | 403 403 403 403 403 404"),
                row(
                        "public club page",
                        HttpMethod.GET,
                        () -> "/api/schools/" + own.id + "/club",
                        null,
                        null,
                        "A A | A A A A A A | A A A A A A"),
                row(
                        "read club profile",
                        HttpMethod.GET,
                        () -> "/api/schools/" + own.id + "/club/profile",
                        null,
                        null,
                        "401 404 | 403 403 403 403 A A | 404 404 404 404 404 404"),
                row(
                        "edit club profile",
                        HttpMethod.PUT,
                        () -> "/api/schools/" + own.id + "/club/profile",
                        () -> ClubProfiles.minimal(20),
                        null,
                        "401 404 | 403 403 403 403 A A | 404 404 404 404 404 404"),
                row(
                        "list people",
                        HttpMethod.GET,
                        () -> "/api/people",
                        null,
                        "matrix-person",
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 A- A-"),
                row(
                        "register person",
                        HttpMethod.POST,
                        () -> "/api/people",
                        () -> person.replace("{", "{\"userId\":\"" + UUID.randomUUID() + "\","),
                        null,
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 A A"),
                row(
                        "read person",
                        HttpMethod.GET,
                        () -> "/api/people/matrix-person",
                        null,
                        null,
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 404 404"),
                row(
                        "update person",
                        HttpMethod.PUT,
                        () -> "/api/people/matrix-person",
                        () -> person,
                        null,
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 404 404"),
                row(
                        "remove person",
                        HttpMethod.DELETE,
                        () -> {
                            String id = "gone-" + UUID.randomUUID();
                            own.registerPerson(id, "teacher", null, null);
                            return "/api/people/" + id;
                        },
                        null,
                        null,
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 404 404"),
                new Row(
                        "import people",
                        HttpMethod.POST,
                        () -> "/api/people/imports",
                        () -> csv,
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        null,
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 A A"),
                row(
                        "apply",
                        HttpMethod.POST,
                        () -> "/api/membership/applications",
                        () -> "{\"motivation\":\"m\",\"availability\":\"a\"}",
                        null,
                        "401 403 | A A 403 403 403 403 | A A 403 403 403 403"),
                row(
                        "list applications",
                        HttpMethod.GET,
                        () -> "/api/membership/applications",
                        null,
                        applicationId,
                        "401 404 | A- A- A- A- A A | A- A- A- A- A- A-"),
                row(
                        "read application",
                        HttpMethod.GET,
                        () -> app + applicationId,
                        null,
                        null,
                        "401 404 | 404 404 404 404 A A | 404 404 404 404 404 404"),
                row(
                        "schedule interview",
                        HttpMethod.POST,
                        () -> app + applicationId + "/interview",
                        () -> "{\"at\":\"2026-12-01T10:00:00Z\",\"place\":\"204\",\"interviewerId\":\"%s\"}"
                                .formatted(own.coordinatorId),
                        null,
                        "401 403 | 403 403 403 403 A 403 | 403 403 403 403 404 403"),
                row(
                        "accept application",
                        HttpMethod.POST,
                        () -> app + applicationId + "/acceptance",
                        null,
                        null,
                        "401 403 | 403 403 403 403 A 403 | 403 403 403 403 404 403"),
                row(
                        "reject application",
                        HttpMethod.POST,
                        () -> app + applicationId + "/rejection",
                        () -> "{\"reason\":\"r\"}",
                        null,
                        "401 403 | 403 403 403 403 A 403 | 403 403 403 403 404 403"),
                row(
                        "withdraw application",
                        HttpMethod.POST,
                        () -> app + applicationId + "/withdrawal",
                        null,
                        null,
                        "401 404 | 404 404 404 404 404 404 | 404 404 404 404 404 404"),
                row(
                        "roster",
                        HttpMethod.GET,
                        () -> "/api/membership/roster",
                        null,
                        "matrix-member",
                        "401 404 | 403 403 403 403 A A | 403 403 403 403 A- A-"),
                row(
                        "renew roster",
                        HttpMethod.POST,
                        () -> "/api/membership/roster/renewals",
                        () -> "{\"schoolYear\":\"2000-2001\"}",
                        null,
                        "401 403 | 403 403 403 403 A 403 | 403 403 403 403 A 403"),
                row(
                        "read member",
                        HttpMethod.GET,
                        () -> "/api/membership/members/matrix-member",
                        null,
                        null,
                        "401 404 | 404 404 404 404 A A | 404 404 404 404 404 404"),
                row(
                        "certify member",
                        HttpMethod.POST,
                        () -> "/api/membership/members/matrix-member/certification",
                        () -> "{\"note\":\"n\"}",
                        null,
                        "401 403 | 403 403 403 403 A 403 | 403 403 403 403 404 403"),
                row(
                        "member leaves",
                        HttpMethod.POST,
                        () -> "/api/membership/members/matrix-member/departure",
                        null,
                        null,
                        "401 404 | 404 404 404 404 A 403 | 404 404 404 404 404 403"));

        SoftAssertions softly = new SoftAssertions();
        int calls = 0;
        for (Row row : rows) {
            String[] expected = row.expected().replace("|", " ").trim().split("\\s+");
            assertThat(expected).as(row.name()).hasSize(14);
            List<String> callers = new ArrayList<>();
            callers.add(null);
            callers.add(TestJwts.user("district-" + own.id).roles("admin").bearer());
            for (TestSchool school : List.of(own, other)) {
                for (String role : ROLES) {
                    String[] realmRoles =
                            role.equals("mediator") ? new String[] {"student", "mediator"} : new String[] {role};
                    callers.add(TestJwts.user(userId(role, school.id))
                            .roles(realmRoles)
                            .school(school.id)
                            .bearer());
                }
            }
            for (int i = 0; i < callers.size(); i++) {
                ServiceApi.Answer answer = send(row, callers.get(i));
                calls++;
                String who = column(i);
                String want = expected[i];
                if (want.equals("A")) {
                    softly.assertThat(answer.status() / 100 == 2 || answer.status() == 409)
                            .as("%s as %s: %s %s", row.name(), who, answer.status(), answer.body())
                            .isTrue();
                } else if (want.equals("A-")) {
                    softly.assertThat(answer.status())
                            .as("%s as %s", row.name(), who)
                            .isEqualTo(200);
                    softly.assertThat(answer.body())
                            .as("%s as %s shows nothing of the other school", row.name(), who)
                            .doesNotContain(row.marker());
                } else {
                    softly.assertThat(answer.status())
                            .as("%s as %s: %s", row.name(), who, answer.body())
                            .isEqualTo(Integer.parseInt(want));
                    softly.assertThat(answer.headers().getContentType())
                            .as("%s as %s is problem+json", row.name(), who)
                            .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                }
            }
        }
        softly.assertAll();
        assertThat(calls).isEqualTo(rows.size() * 14);
    }

    private Row row(
            String name,
            HttpMethod method,
            Supplier<String> path,
            Supplier<String> body,
            String marker,
            String expected) {
        return new Row(name, method, path, body, MediaType.APPLICATION_JSON, marker, expected);
    }

    private ServiceApi.Answer send(Row row, String bearer) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port)
                .method(row.method())
                .uri(row.path().get());
        if (bearer != null) {
            spec.header("Authorization", bearer);
        }
        if (row.body() != null) {
            spec.contentType(row.type()).body(row.body().get().getBytes(StandardCharsets.UTF_8));
        }
        return spec.exchange((request, response) -> new ServiceApi.Answer(
                response.getStatusCode().value(),
                response.getHeaders(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static String userId(String role, String school) {
        return "mx-" + role + "-" + school;
    }

    private static String column(int i) {
        if (i == 0) {
            return "anonymous";
        }
        if (i == 1) {
            return "district admin";
        }
        int k = i - 2;
        return ROLES[k % 6] + (k < 6 ? " of the school" : " of another school");
    }
}
