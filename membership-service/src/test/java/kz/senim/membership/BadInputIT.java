package kz.senim.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Bad input on every write endpoint answers 400 problem+json naming every bad field, never 5xx. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    @LocalServerPort
    int port;

    TestSchool school;
    String application;

    @BeforeAll
    void school() {
        school = TestSchool.register(ServiceApi.at(port));
        school.registerPerson("bad-teacher", "teacher", null, null);
        school.admit("bad-member", 9);
        application = school.api
                .post("/api/membership/applications")
                .auth(school.student("bad-applicant", 10))
                .json("{\"motivation\":\"m\",\"availability\":\"a\"}")
                .send()
                .json()
                .get("id")
                .asString();
    }

    Stream<Arguments> badInputs() {
        String longText = "x".repeat(2001);
        return Stream.of(
                bad(
                        "register school",
                        "POST",
                        "/api/schools",
                        "district",
                        "{\"id\":\"Bad Id\",\"names\":{\"kk\":\"\"},\"city\":\"\",\"yearStartMonth\":13}",
                        "id",
                        "names.kk",
                        "names.ru",
                        "names.en",
                        "city",
                        "region",
                        "yearStartMonth"),
                bad(
                        "edit school",
                        "PUT",
                        "/api/schools/{school}",
                        "district",
                        "{\"id\":\"another-school\",\"names\":{\"kk\":\"a\",\"ru\":\"b\",\"en\":\"c\"},\"city\":\"A\",\"region\":\"B\"}",
                        "id"),
                bad(
                        "edit school fields",
                        "PUT",
                        "/api/schools/{school}",
                        "district",
                        "{\"names\":null,\"city\":\"A\",\"region\":\"\",\"timeZone\":\"Mars/Base\",\"defaultLanguage\":\"fr\"}",
                        "id",
                        "names",
                        "region",
                        "knownTimeZone",
                        "defaultLanguage"),
                bad(
                        "edit club",
                        "PUT",
                        "/api/schools/{school}/club/profile",
                        "coordinator",
                        """
                        {"name":{"kk":"","ru":"b","en":"c"},"tasks":{"kk":"%s","ru":"b","en":"c"},
                         "principles":[{"principle":"HONESTY"}],
                         "leaders":[{"userId":"","title":null,"contacts":[{"kind":"fax","value":""}]}],
                         "socialLinks":[{"network":"myspace","url":"http://insecure"}],
                         "admissionGradeFrom":11,"admissionGradeTo":8,"capacity":0}
                        """.formatted(longText),
                        "name.kk",
                        "goals",
                        "tasks.kk",
                        "principles[0].principle",
                        "leaders[0].userId",
                        "leaders[0].title",
                        "leaders[0].contacts[0].kind",
                        "leaders[0].contacts[0].value",
                        "socialLinks[0].network",
                        "socialLinks[0].url",
                        "admissionGradesInOrder",
                        "capacity"),
                bad(
                        "register person",
                        "POST",
                        "/api/people",
                        "coordinator",
                        "{\"userId\":\"\",\"role\":\"pupil\",\"language\":\"de\",\"givenName\":\"\",\"familyName\":\"\"}",
                        "userId",
                        "role",
                        "language",
                        "givenName",
                        "familyName"),
                bad(
                        "register student without grade",
                        "POST",
                        "/api/people",
                        "coordinator",
                        "{\"userId\":\"s-x\",\"role\":\"student\",\"language\":\"kk\",\"givenName\":\"A\",\"familyName\":\"B\",\"guardianOf\":[\"x\"]}",
                        "grade",
                        "classLetter",
                        "guardianOf"),
                bad(
                        "register guardian of nobody",
                        "POST",
                        "/api/people",
                        "coordinator",
                        "{\"userId\":\"p-x\",\"role\":\"parent\",\"guardianOf\":[\"nobody\"],\"language\":\"kk\",\"givenName\":\"A\",\"familyName\":\"B\"}",
                        "guardianOf"),
                bad(
                        "person with a wrong type",
                        "POST",
                        "/api/people",
                        "coordinator",
                        "{\"userId\":\"s-y\",\"role\":\"student\",\"grade\":\"nine\"}"),
                bad(
                        "update person",
                        "PUT",
                        "/api/people/bad-teacher",
                        "coordinator",
                        "{\"role\":\"teacher\",\"grade\":5,\"classLetter\":\"A1\",\"language\":\"kk\",\"givenName\":\"A\",\"familyName\":\"B\"}",
                        "grade",
                        "classLetter"),
                bad(
                        "apply",
                        "POST",
                        "/api/membership/applications",
                        "applicant",
                        "{\"motivation\":\"\",\"availability\":\"%s\"}".formatted(longText),
                        "motivation",
                        "availability"),
                bad("malformed json", "POST", "/api/membership/applications", "applicant", "{\"motivation\":"),
                bad(
                        "schedule interview",
                        "POST",
                        "/api/membership/applications/{application}/interview",
                        "coordinator",
                        "{\"at\":null,\"place\":\"\",\"interviewerId\":\"\"}",
                        "at",
                        "place",
                        "interviewerId"),
                bad(
                        "interviewer is no coordinator",
                        "POST",
                        "/api/membership/applications/{application}/interview",
                        "coordinator",
                        "{\"at\":\"2026-12-01T10:00:00Z\",\"place\":\"204\",\"interviewerId\":\"bad-teacher\"}",
                        "interviewerId"),
                bad(
                        "application id is no uuid",
                        "POST",
                        "/api/membership/applications/not-a-uuid/acceptance",
                        "coordinator",
                        null,
                        "id"),
                bad(
                        "reject",
                        "POST",
                        "/api/membership/applications/{application}/rejection",
                        "coordinator",
                        "{\"reason\":\"  \"}",
                        "reason"),
                bad(
                        "renew roster",
                        "POST",
                        "/api/membership/roster/renewals",
                        "coordinator",
                        "{\"schoolYear\":\"next year\"}",
                        "schoolYear"),
                bad(
                        "certify",
                        "POST",
                        "/api/membership/members/bad-member/certification",
                        "coordinator",
                        "{\"note\":\"\"}",
                        "note"),
                bad(
                        "list with a bad page",
                        "GET",
                        "/api/people?page=-1&size=1000&sort=password",
                        "coordinator",
                        null,
                        "page",
                        "size",
                        "sort"),
                bad(
                        "list with an empty sort",
                        "GET",
                        "/api/membership/applications?sort=,",
                        "coordinator",
                        null,
                        "sort"),
                bad(
                        "roster of a bad year",
                        "GET",
                        "/api/membership/roster?year=2025&status=BOSS",
                        "coordinator",
                        null,
                        "year"));
    }

    static Arguments bad(String name, String method, String path, String caller, String body, String... fields) {
        return Arguments.of(name, method, path, caller, body, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void answers_400_with_every_field_error(
            String name, String method, String path, String caller, String body, List<String> fields) {
        String bearer = switch (caller) {
            case "district" -> kz.senim.test.TestJwts.user().roles("admin").bearer();
            case "applicant" -> TestSchool.as("bad-applicant", school.id, "student");
            default -> school.coordinator();
        };
        ServiceApi.Request request = school.api
                .request(
                        HttpMethod.valueOf(method),
                        path.replace("{school}", school.id).replace("{application}", application))
                .auth(bearer)
                .language("ru");
        if (body != null) {
            request.json(body);
        }
        ServiceApi.Answer answer = request.send();

        JsonNode problem = answer.problem(400);
        if (!fields.isEmpty()) {
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .as(answer.body())
                    .containsAll(fields);
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(e -> e.get("message").asString()))
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
    }
}
