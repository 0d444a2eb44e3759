package kz.senim.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint × every role × own or other school, a district admin (no school) and no token.
 * Objects belong to school A; the caller is of school A ("own") or of school B ("other"). Each cell gets fresh objects, so a
 * command that succeeds in one cell does not decide the next.
 */
@SenimIntegrationTest
class AuthorizationMatrixIT {

    static final List<String> ROLES = List.of("student", "mediator", "teacher", "parent", "coordinator", "admin");
    static final String PDF = "%PDF-1.4\n%matrix\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    record Call(String method, String path, String contentType, byte[] body) {}

    /** One endpoint: how to call it on a cell's objects, and the statuses for S M T P C A, own then other school. */
    record Endpoint(String name, Function<Fixture, Call> call, int[] own, int[] other) {}

    static int[] s(int... statuses) {
        return statuses;
    }

    static Call json(String method, String path, String body) {
        return new Call(method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static final String ACTIVITY = """
            {"type":"TRAINING","title":"Active listening","audience":{"groups":["STUDENTS"]},
             "facilitators":["f"],"startsAt":"2027-02-01T10:00:00+05:00","endsAt":"2027-02-01T11:00:00+05:00",
             "place":"Room 1","language":"ru"}""";
    static final String MATERIAL = """
            {"kind":"BOOKLET","title":"Seven principles","language":"kk","audience":{"groups":["STUDENTS"]},
             "audienceNote":"All students","link":"https://example.org/b.pdf"}""";
    static final String PLAN_ITEM = """
            {"direction":"Information work","description":"Booklets","month":"2026-12","responsibleUserId":"r"}""";

    static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        //                                                                      S    M    T    P    C    A
        e.add(new Endpoint(
                "list activities",
                f -> json("GET", "/api/activities", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "schedule",
                f -> json("POST", "/api/activities", ACTIVITY),
                s(403, 403, 403, 403, 201, 201),
                s(403, 403, 403, 403, 201, 201)));
        e.add(new Endpoint(
                "get activity",
                f -> json("GET", "/api/activities/" + f.activity(), null),
                s(200, 200, 200, 200, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "reschedule",
                f -> json(
                        "POST",
                        "/api/activities/" + f.activity() + "/rescheduling",
                        "{\"startsAt\":\"2027-03-01T10:00:00+05:00\",\"endsAt\":\"2027-03-01T11:00:00+05:00\"}"),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "cancel activity",
                f -> json("POST", "/api/activities/" + f.activity() + "/cancellation", null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "complete activity",
                f -> json("POST", "/api/activities/" + f.activity() + "/completion", null),
                s(403, 200, 403, 403, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "register",
                f -> json("POST", "/api/activities/" + f.upcoming() + "/registrations", null),
                s(201, 201, 201, 201, 409, 409),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "roster",
                f -> json("GET", "/api/activities/" + f.activity() + "/registrations", null),
                s(404, 200, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "own registration",
                f -> json("GET", "/api/activities/" + f.activity() + "/registrations/mine", null),
                s(404, 404, 404, 404, 404, 404),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "cancel own registration",
                f -> json("DELETE", "/api/activities/" + f.activity() + "/registrations/mine", null),
                s(404, 404, 404, 404, 404, 404),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "record attendance",
                f -> json(
                        "PUT",
                        "/api/activities/" + f.activity() + "/attendance",
                        "{\"marks\":[{\"userId\":\"%s\",\"status\":\"PRESENT\"}]}".formatted(f.mediatorId)),
                s(403, 200, 403, 403, 200, 403),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "read attendance",
                f -> json("GET", "/api/activities/" + f.activity() + "/attendance", null),
                s(404, 200, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "curriculum",
                f -> json("GET", "/api/activities/curriculum", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "revise curriculum",
                f -> json(
                        "PUT",
                        "/api/activities/curriculum",
                        "{\"requiredModules\":[\"ACTIVE_LISTENING\"],\"requiredSimulations\":1}"),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 200, 200)));
        e.add(new Endpoint(
                "trainees",
                f -> json("GET", "/api/activities/curriculum/trainees", null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 200, 200)));
        e.add(new Endpoint(
                "trainee progress",
                f -> json("GET", "/api/activities/curriculum/trainees/" + f.trainee(), null),
                s(404, 404, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "create feed",
                f -> json("POST", "/api/activities/calendar-feeds", "{\"scope\":\"MINE\"}"),
                s(201, 201, 201, 201, 201, 201),
                s(201, 201, 201, 201, 201, 201)));
        e.add(new Endpoint(
                "revoke feed",
                f -> json("DELETE", "/api/activities/calendar-feeds/" + f.feed(), null),
                s(404, 404, 404, 404, 204, 404),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "feed with a token, whoever calls",
                f -> json("GET", "/api/activities/feeds/" + f.feed() + ".ics", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "create material",
                f -> json("POST", "/api/materials", MATERIAL),
                s(403, 403, 403, 403, 201, 201),
                s(403, 403, 403, 403, 201, 201)));
        e.add(new Endpoint(
                "list materials",
                f -> json("GET", "/api/materials", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "get published material",
                f -> json("GET", "/api/materials/" + f.published(), null),
                s(200, 200, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "get draft material",
                f -> json("GET", "/api/materials/" + f.draft(), null),
                s(404, 404, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "upload file",
                f -> new Call(
                        "PUT",
                        "/api/materials/" + f.draft() + "/file",
                        "application/pdf",
                        PDF.getBytes(StandardCharsets.US_ASCII)),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "download file",
                f -> json("GET", "/api/materials/" + f.published() + "/file", null),
                s(200, 200, 404, 404, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "publish material",
                f -> json("POST", "/api/materials/" + f.draft() + "/publication", null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "plan",
                f -> json("GET", "/api/plans/2026-2027", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "add plan item",
                f -> json("POST", "/api/plans/2026-2027/items", PLAN_ITEM),
                s(403, 403, 403, 403, 201, 201),
                s(403, 403, 403, 403, 201, 201)));
        e.add(new Endpoint(
                "plan items",
                f -> json("GET", "/api/plans/2026-2027/items", null),
                s(200, 200, 200, 200, 200, 200),
                s(200, 200, 200, 200, 200, 200)));
        e.add(new Endpoint(
                "plan item",
                f -> json("GET", "/api/plans/2026-2027/items/" + f.item(), null),
                s(200, 200, 200, 200, 200, 200),
                s(404, 404, 404, 404, 404, 404)));
        e.add(new Endpoint(
                "link activity",
                f -> json("PUT", "/api/plans/2026-2027/items/" + f.item() + "/activities/" + f.activity(), null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "unlink activity",
                f -> json(
                        "DELETE", "/api/plans/2026-2027/items/" + f.linkedItem() + "/activities/" + f.activity(), null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "cancel plan item",
                f -> json("POST", "/api/plans/2026-2027/items/" + f.item() + "/cancellation", null),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        e.add(new Endpoint(
                "report plan item",
                f -> json("POST", "/api/plans/2026-2027/items/" + f.item() + "/report", "{\"status\":\"DONE\"}"),
                s(403, 403, 403, 403, 200, 200),
                s(403, 403, 403, 403, 404, 404)));
        return e;
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_by_every_role_of_the_own_and_another_school() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (int r = 0; r < ROLES.size(); r++) {
                String role = ROLES.get(r);
                int own = endpoint.own()[r];
                int other = endpoint.other()[r];
                tests.add(DynamicTest.dynamicTest(
                        endpoint.name() + " / " + role + " / own school → " + own,
                        () -> check(endpoint, role, true, own)));
                tests.add(DynamicTest.dynamicTest(
                        endpoint.name() + " / " + role + " / other school → " + other,
                        () -> check(endpoint, role, false, other)));
            }
            int district = endpoint.name().startsWith("feed with a token") ? 200 : 404;
            tests.add(DynamicTest.dynamicTest(
                    endpoint.name() + " / district admin without a school → " + district, () -> {
                        Fixture fixture = new Fixture();
                        Call call = endpoint.call().apply(fixture);
                        HttpResponse<String> response =
                                send(call, TestJwts.user().roles("admin").bearer());
                        assertThat(response.statusCode())
                                .as("%s %s", call.method(), call.path())
                                .isEqualTo(district);
                    }));
            if (!endpoint.name().startsWith("feed with a token")) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " / without a token → 401", () -> {
                    Fixture fixture = new Fixture();
                    assertThat(send(endpoint.call().apply(fixture), null).statusCode())
                            .isEqualTo(401);
                }));
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, String role, boolean ownSchool, int expected) throws Exception {
        Fixture fixture = new Fixture();
        String school = ownSchool ? fixture.school : fixture.otherSchool;
        String bearer = switch (role) {
            case "mediator" ->
                TestJwts.user(ownSchool ? fixture.mediatorId : "m-" + UUID.randomUUID())
                        .roles("student", "mediator")
                        .school(school)
                        .bearer();
            case "coordinator" ->
                TestJwts.user(ownSchool ? fixture.coordinatorId : "c-" + UUID.randomUUID())
                        .roles("coordinator")
                        .school(school)
                        .bearer();
            default -> TestJwts.user().roles(role).school(school).bearer();
        };
        Call call = endpoint.call().apply(fixture);
        HttpResponse<String> response = send(call, bearer);
        assertThat(response.statusCode())
                .as("%s %s: %s", call.method(), call.path(), response.body())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    private HttpResponse<String> send(Call call, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** School A's objects for one cell, made on first use by A's coordinator. */
    final class Fixture {
        final String school = Trainings.newSchool();
        final String otherSchool = Trainings.newSchool();
        final String coordinatorId = "coord-" + UUID.randomUUID();
        final String mediatorId = "med-" + UUID.randomUUID();
        final String coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        final ServiceApi api = ServiceApi.at(port);
        private String activity;
        private String upcoming;
        private String published;
        private String draft;
        private String item;
        private String linkedItem;
        private String feed;
        private String trainee;

        /** Past, open, for students, mediators, teachers and parents, run by the mediator. */
        String activity() {
            if (activity == null) {
                String body = """
                        {"type":"TRAINING","title":"I-messages",
                         "audience":{"groups":["STUDENTS","MEDIATORS","TEACHERS","PARENTS"]},
                         "facilitators":["%s"],"startsAt":"%s","endsAt":"%s","place":"Room 1","language":"en"}
                        """.formatted(
                                mediatorId,
                                OffsetDateTime.now().minusHours(2).withNano(0),
                                OffsetDateTime.now().minusHours(1).withNano(0));
                activity = Trainings.schedule(api, coordinator, body).get("id").asString();
            }
            return activity;
        }

        /** Like {@link #activity()}, but tomorrow: people register before an activity starts. */
        String upcoming() {
            if (upcoming == null) {
                String body = """
                        {"type":"TRAINING","title":"I-messages",
                         "audience":{"groups":["STUDENTS","MEDIATORS","TEACHERS","PARENTS"]},
                         "facilitators":["%s"],"startsAt":"%s","endsAt":"%s","place":"Room 1","language":"en"}
                        """.formatted(
                                mediatorId,
                                OffsetDateTime.now().plusDays(1).withNano(0),
                                OffsetDateTime.now().plusDays(1).plusHours(1).withNano(0));
                upcoming = Trainings.schedule(api, coordinator, body).get("id").asString();
            }
            return upcoming;
        }

        /** Published, with a file, for students (and so mediators). */
        String published() {
            if (published == null) {
                published = material();
                put("/api/materials/" + published + "/file", PDF);
                api.post("/api/materials/" + published + "/publication")
                        .auth(coordinator)
                        .send();
            }
            return published;
        }

        String draft() {
            if (draft == null) {
                draft = material();
            }
            return draft;
        }

        String item() {
            if (item == null) {
                item = api.post("/api/plans/2026-2027/items")
                        .auth(coordinator)
                        .json(PLAN_ITEM)
                        .send()
                        .json()
                        .get("id")
                        .asString();
            }
            return item;
        }

        String linkedItem() {
            if (linkedItem == null) {
                linkedItem = api.post("/api/plans/2026-2027/items")
                        .auth(coordinator)
                        .json(PLAN_ITEM.replace("}", ",\"activityIds\":[\"" + activity() + "\"]}"))
                        .send()
                        .json()
                        .get("id")
                        .asString();
            }
            return linkedItem;
        }

        String feed() {
            if (feed == null) {
                feed = api.post("/api/activities/calendar-feeds")
                        .auth(coordinator)
                        .json("{\"scope\":\"SCHOOL\"}")
                        .send()
                        .json()
                        .get("token")
                        .asString();
            }
            return feed;
        }

        /** A trainee of school A, as membership's member-admitted event leaves it in the read model. */
        String trainee() {
            if (trainee == null) {
                trainee = "trainee-" + UUID.randomUUID();
                jdbc.sql("insert into member (school_id, user_id, school_year, status)"
                                + " values (:school, :user, '2026-2027', 'TRAINEE')")
                        .param("school", school)
                        .param("user", trainee)
                        .update();
            }
            return trainee;
        }

        private String material() {
            return api.post("/api/materials")
                    .auth(coordinator)
                    .json(MATERIAL)
                    .send()
                    .json()
                    .get("id")
                    .asString();
        }

        private void put(String path, String pdf) {
            try {
                HttpResponse<String> response = send(
                        new Call("PUT", path, "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII)), coordinator);
                assertThat(response.statusCode()).isEqualTo(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
