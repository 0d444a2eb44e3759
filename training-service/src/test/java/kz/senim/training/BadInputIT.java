package kz.senim.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Bad input on every write endpoint answers 400 problem+json naming every bad field, never 5xx. */
@SenimIntegrationTest
class BadInputIT {

    static final String SCHOOL = "bad-input-school";
    static final String COORDINATOR_ID = "coord-bad-input";
    static final String ACTIVITY = "/api/activities/" + UUID.randomUUID();

    @LocalServerPort
    int port;

    static Stream<Arguments> cases() {
        return Stream.of(
                // endpoint, body, fields that must be named
                Arguments.of("POST /api/activities", "{}", new String[] {
                    "type", "title", "audience", "facilitators", "startsAt", "endsAt", "place", "language"
                }),
                Arguments.of("POST /api/activities", """
                        {"type":"PICNIC","title":"","audience":{"groups":["ALIENS"],"gradeFrom":0,"gradeTo":12},
                         "facilitators":[""],"startsAt":"2027-01-01T10:00:00+05:00",
                         "endsAt":"2027-01-01T09:00:00+05:00","place":"x","capacity":0,"language":"de",
                         "modules":["JUGGLING"],"repeat":{"frequency":"DAILY","occurrences":100}}
                        """, new String[] {
                    "type",
                    "title",
                    "audience.groups[0]",
                    "audience.gradeFrom",
                    "audience.gradeTo",
                    "facilitators[0]",
                    "endsAfterStart",
                    "capacity",
                    "language",
                    "modules[0]",
                    "repeat.frequency",
                    "repeat.occurrences"
                }),
                Arguments.of(
                        "POST /api/activities", """
                        {"type":"TRAINING","title":"t","audience":{"groups":["STUDENTS"],"gradeFrom":9,"gradeTo":1},
                         "facilitators":["f"],"startsAt":"2027-01-01T10:00:00+05:00",
                         "endsAt":"2027-01-01T11:00:00+05:00","place":"x","language":"kk",
                         "repeat":{"frequency":"WEEKLY","occurrences":3}}
                        """, new String[] {"audience.gradesInOrder", "repeatOnlyForClubMeetings"
                        }),
                Arguments.of("POST /api/activities", "{\"startsAt\":\"next tuesday\"}", new String[] {"startsAt"}),
                Arguments.of("POST /api/activities", "{\"capacity\":\"many\"}", new String[] {"capacity"}),
                Arguments.of("POST /api/activities", "not json", new String[] {"body"}),
                Arguments.of("POST " + ACTIVITY + "/rescheduling", "{\"place\":\"\"}", new String[] {
                    "startsAt", "endsAt", "place"
                }),
                Arguments.of("POST /api/activities/not-a-uuid/cancellation", null, new String[] {"id"}),
                Arguments.of("POST /api/activities/not-a-uuid/completion", null, new String[] {"id"}),
                Arguments.of("POST /api/activities/not-a-uuid/registrations", null, new String[] {"id"}),
                Arguments.of("PUT " + ACTIVITY + "/attendance", "{}", new String[] {"marks"}),
                Arguments.of("PUT " + ACTIVITY + "/attendance", """
                        {"marks":[{"userId":"","status":"LATE"},{"userId":"a","status":"PRESENT"},
                                  {"userId":"a","status":"ABSENT"}],"headCount":-1}
                        """, new String[] {
                    "marks[0].userId", "marks[0].status", "headCount", "oneMarkPerPerson"
                }),
                Arguments.of("PUT " + ACTIVITY + "/attendance", "{\"marks\":[]}", new String[] {"marksOrHeadCount"}),
                Arguments.of(
                        "PUT /api/activities/curriculum",
                        "{\"requiredModules\":[\"X\"],\"requiredSimulations\":-1}",
                        new String[] {"requiredModules[0]", "requiredSimulations"}),
                Arguments.of(
                        "PUT /api/activities/curriculum", "{}", new String[] {"requiredModules", "requiredSimulations"
                        }),
                Arguments.of("POST /api/activities/calendar-feeds", "{\"scope\":\"EVERYONE\"}", new String[] {"scope"}),
                Arguments.of("POST /api/materials", """
                        {"kind":"NOVEL","title":"","language":"fr","audience":{"groups":[]},"audienceNote":"",
                         "link":"javascript:alert(1)"}
                        """, new String[] {
                    "kind", "title", "language", "audience.groups", "audienceNote", "link"
                }),
                Arguments.of("POST /api/materials/not-a-uuid/publication", null, new String[] {"id"}),
                Arguments.of(
                        "POST /api/plans/2026-2027/items",
                        "{\"month\":\"2026-13\",\"activityIds\":[\"x\"]}",
                        new String[] {"activityIds[0]"}),
                Arguments.of("POST /api/plans/2026-2027/items", "{\"month\":\"2026-13\"}", new String[] {
                    "direction", "description", "month", "responsibleUserId"
                }),
                Arguments.of("POST /api/plans/2026/items", """
                        {"direction":"d","description":"d","month":"2026-10","responsibleUserId":"r"}
                        """, new String[] {"schoolYear"}),
                Arguments.of(
                        "POST /api/plans/2026-2027/items/" + UUID.randomUUID() + "/report",
                        "{\"status\":\"CANCELLED\"}",
                        new String[] {"status"}),
                Arguments.of("PUT /api/plans/2026-2027/items/x/activities/y", null, new String[] {"id"}),
                Arguments.of("GET /api/activities?from=yesterday", null, new String[] {"from"}),
                Arguments.of("GET /api/activities?size=100000&sort=title", null, new String[] {"size", "sort"}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void bad_input_is_400_with_every_field_named(String endpoint, String body, String[] fields) {
        String[] parts = endpoint.split(" ", 2);
        ServiceApi.Request request = ServiceApi.at(port)
                .request(HttpMethod.valueOf(parts[0]), parts[1])
                .auth(Trainings.bearer(COORDINATOR_ID, SCHOOL, "coordinator"))
                .language("ru");
        if (body != null) {
            request.json(body);
        }

        JsonNode problem = request.send().problem(400);

        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains(fields);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }
}
