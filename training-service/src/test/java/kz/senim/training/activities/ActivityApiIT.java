package kz.senim.training.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.training.Trainings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Activities over real HTTP, PostgreSQL and Kafka: series, registration, attendance, the calendar. */
@SenimIntegrationTest
class ActivityApiIT {

    @LocalServerPort
    int port;

    ServiceApi api;
    String school;
    String coordinatorId;
    String coordinator;

    @BeforeEach
    void setUp() {
        api = ServiceApi.at(port);
        school = Trainings.newSchool();
        coordinatorId = "coord-" + UUID.randomUUID();
        coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
    }

    @Test
    void a_weekly_series_with_one_occurrence_moved_and_one_cancelled_shows_so_in_the_calendar() {
        JsonNode first = Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "CLUB_MEETING",
                        coordinatorId,
                        "2027-01-05T15:00:00+05:00",
                        "2027-01-05T16:00:00+05:00",
                        null,
                        "\"repeat\":{\"frequency\":\"WEEKLY\",\"occurrences\":4}"));
        String series = first.get("seriesId").asString();

        JsonNode all = api.get("/api/activities?seriesId=" + series)
                .auth(coordinator)
                .send()
                .json();
        assertThat(all.get("totalElements").asInt()).isEqualTo(4);
        List<String> ids = all.get("content")
                .valueStream()
                .map(a -> a.get("id").asString())
                .toList();
        assertThat(all.get("content").valueStream().map(a -> a.get("startsAt").asString()))
                .containsExactly(
                        "2027-01-05T15:00:00+05:00",
                        "2027-01-12T15:00:00+05:00",
                        "2027-01-19T15:00:00+05:00",
                        "2027-01-26T15:00:00+05:00");

        ServiceApi.Answer moved = api.post("/api/activities/" + ids.get(1) + "/rescheduling")
                .auth(coordinator)
                .header("If-Match", "\"0\"")
                .json("""
                        {"startsAt":"2027-01-13T16:00:00+05:00","endsAt":"2027-01-13T17:30:00+05:00","place":"Hall"}
                        """)
                .send();
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.headers().getETag()).isEqualTo("\"1\"");
        assertThat(api.post("/api/activities/" + ids.get(2) + "/cancellation")
                        .auth(coordinator)
                        .send()
                        .status())
                .isEqualTo(200);

        JsonNode january = api.get("/api/activities?from=2027-01-01&to=2027-01-31")
                .auth(coordinator)
                .send()
                .json();
        assertThat(january.get("content")
                        .valueStream()
                        .map(a -> a.get("startsAt").asString() + " "
                                + a.get("place").asString() + " "
                                + a.get("status").asString()))
                .containsExactly(
                        "2027-01-05T15:00:00+05:00 Room 12 SCHEDULED",
                        "2027-01-13T16:00:00+05:00 Hall SCHEDULED",
                        "2027-01-19T15:00:00+05:00 Room 12 CANCELLED",
                        "2027-01-26T15:00:00+05:00 Room 12 SCHEDULED");

        JsonNode week = api.get("/api/activities?from=2027-01-13&to=2027-01-13")
                .auth(coordinator)
                .send()
                .json();
        assertThat(week.get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void a_stale_if_match_answers_412_and_changes_nothing() {
        JsonNode activity = Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "TRAINING", coordinatorId, "2027-02-01T10:00:00+05:00", "2027-02-01T11:00:00+05:00", 10, null));
        String id = activity.get("id").asString();
        api.post("/api/activities/" + id + "/rescheduling")
                .auth(coordinator)
                .json("{\"startsAt\":\"2027-02-02T10:00:00+05:00\",\"endsAt\":\"2027-02-02T11:00:00+05:00\"}")
                .send();

        api.post("/api/activities/" + id + "/cancellation")
                .auth(coordinator)
                .header("If-Match", "\"0\"")
                .send()
                .problem(412);

        assertThat(api.get("/api/activities/" + id)
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void cancelling_twice_answers_409_with_a_reason() {
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                coordinatorId,
                                "2027-02-01T10:00:00+05:00",
                                "2027-02-01T11:00:00+05:00",
                                10,
                                null))
                .get("id")
                .asString();
        api.post("/api/activities/" + id + "/cancellation").auth(coordinator).send();

        JsonNode problem = api.post("/api/activities/" + id + "/cancellation")
                .auth(coordinator)
                .language("ru")
                .send()
                .problem(409);
        assertThat(problem.get("reason").asString()).isEqualTo("activity-cancelled");
        assertThat(problem.get("detail").asString()).isEqualTo("Мероприятие отменено.");
    }

    @Test
    void the_same_idempotency_key_schedules_once() {
        String body = Trainings.activity(
                "MASTER_CLASS", coordinatorId, "2027-03-01T10:00:00+05:00", "2027-03-01T11:00:00+05:00", 10, null);
        String key = UUID.randomUUID().toString();

        String first = api.post("/api/activities")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .json()
                .get("id")
                .asString();
        String again = api.post("/api/activities")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .json()
                .get("id")
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(api.get("/api/activities")
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void one_idempotency_key_creates_one_resource_of_each_kind() {
        String key = UUID.randomUUID().toString();
        String memo = """
                {"kind":"MEMO","title":"Memo","language":"kk","audience":{"groups":["STUDENTS"]},
                 "audienceNote":"Everyone"}
                """;
        ServiceApi.Answer activity = api.post("/api/activities")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json(Trainings.activity(
                        "TRAINING", coordinatorId, "2027-03-02T10:00:00+05:00", "2027-03-02T11:00:00+05:00", 10, null))
                .send();
        ServiceApi.Answer material = api.post("/api/materials")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json(memo)
                .send();
        ServiceApi.Answer item = api.post("/api/plans/2026-2027/items")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json("""
                        {"direction":"Prevention","description":"Peer lessons","month":"2026-11",
                         "responsibleUserId":"someone","activityIds":[]}
                        """)
                .send();
        ServiceApi.Answer feed = api.post("/api/activities/calendar-feeds")
                .auth(coordinator)
                .header("Idempotency-Key", key)
                .json("{\"scope\":\"SCHOOL\"}")
                .send();

        assertThat(List.of(activity, material, item, feed))
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(api.post("/api/materials")
                        .auth(coordinator)
                        .header("Idempotency-Key", key)
                        .json(memo)
                        .send()
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(material.json().get("id").asString());
    }

    @Test
    void an_activity_answers_its_fields_and_no_rules_of_the_request() {
        JsonNode activity = Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "TRAINING", coordinatorId, "2027-03-03T10:00:00+05:00", "2027-03-03T11:00:00+05:00", 10, null));

        assertThat(activity.get("audience").propertyNames())
                .containsExactlyInAnyOrder("groups", "gradeFrom", "gradeTo");
        assertThat(activity.propertyNames())
                .doesNotContain("gradesInOrder", "endsAfterStart", "repeatOnlyForClubMeetings");
    }

    @Test
    void nobody_registers_once_the_activity_has_started() {
        String student = Trainings.bearer("s-" + UUID.randomUUID(), school, "student", "mediator");
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                coordinatorId,
                                OffsetDateTime.now().plusDays(1).withNano(0).toString(),
                                OffsetDateTime.now()
                                        .plusDays(1)
                                        .plusHours(1)
                                        .withNano(0)
                                        .toString(),
                                10,
                                null))
                .get("id")
                .asString();
        assertThat(api.get("/api/activities/" + id)
                        .auth(student)
                        .send()
                        .json()
                        .get("forCaller")
                        .get("mayRegister")
                        .asBoolean())
                .isTrue();

        Trainings.started(api, coordinator, id);

        assertThat(api.get("/api/activities/" + id)
                        .auth(student)
                        .send()
                        .json()
                        .get("forCaller")
                        .get("mayRegister")
                        .asBoolean())
                .isFalse();
        JsonNode refused = api.post("/api/activities/" + id + "/registrations")
                .auth(student)
                .language("en")
                .send()
                .problem(409);
        assertThat(refused.get("type").asString()).isEqualTo("https://senim.kz/problems/state-conflict");
        assertThat(refused.get("reason").asString()).isEqualTo("activity-already-started");
        assertThat(refused.get("detail").asString()).isEqualTo("Registration ended when the activity started.");
    }

    @Test
    void beyond_the_capacity_people_wait_and_a_cancellation_promotes_the_first_in_line() {
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                coordinatorId,
                                "2027-02-01T10:00:00+05:00",
                                "2027-02-01T11:00:00+05:00",
                                2,
                                null))
                .get("id")
                .asString();
        lastId = id;
        String a = Trainings.bearer("a-" + UUID.randomUUID(), school, "student", "mediator");
        String b = Trainings.bearer("b-" + UUID.randomUUID(), school, "student", "mediator");
        String c = Trainings.bearer("c-" + UUID.randomUUID(), school, "student", "mediator");

        assertThat(register(a)).isEqualTo("REGISTERED");
        assertThat(register(b)).isEqualTo("REGISTERED");
        assertThat(register(c)).isEqualTo("WAITLISTED");
        JsonNode view =
                api.get("/api/activities/" + id).auth(coordinator).send().json();
        assertThat(view.get("registered").asInt()).isEqualTo(2);
        assertThat(view.get("waitlisted").asInt()).isEqualTo(1);

        assertThat(api.request(
                                org.springframework.http.HttpMethod.DELETE,
                                "/api/activities/" + id + "/registrations/mine")
                        .auth(a)
                        .send()
                        .status())
                .isEqualTo(204);

        assertThat(api.get("/api/activities/" + id + "/registrations/mine")
                        .auth(c)
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REGISTERED");
        assertThat(api.get("/api/activities/" + id + "/registrations")
                        .auth(coordinator)
                        .send()
                        .json()
                        .valueStream()
                        .map(r -> r.get("status").asString()))
                .containsExactlyInAnyOrder("CANCELLED", "REGISTERED", "REGISTERED");
    }

    private String register(String bearer) {
        ServiceApi.Answer answer = api.post("/api/activities/" + lastId + "/registrations")
                .auth(bearer)
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("status").asString();
    }

    String lastId;

    @Test
    void each_caller_sees_whether_they_may_register_their_own_registration_and_whether_they_run_it() {
        String body = """
                {"type":"PARENT_SESSION","title":"Mediation - a culture of reconciliation",
                 "audience":{"groups":["PARENTS"]},"facilitators":["%s"],
                 "startsAt":"2027-02-01T18:00:00+05:00","endsAt":"2027-02-01T19:00:00+05:00",
                 "place":"Assembly hall","language":"ru"}
                """.formatted(coordinatorId);
        String id = Trainings.schedule(api, coordinator, body).get("id").asString();
        String parent = Trainings.bearer("p-" + UUID.randomUUID(), school, "parent");
        String student = Trainings.bearer("s-" + UUID.randomUUID(), school, "student");

        JsonNode before =
                api.get("/api/activities/" + id).auth(parent).send().json().get("forCaller");
        assertThat(before.get("inAudience").asBoolean()).isTrue();
        assertThat(before.get("mayRegister").asBoolean()).isTrue();
        assertThat(before.get("registration").isNull()).isTrue();
        assertThat(before.get("facilitating").asBoolean()).isFalse();

        api.post("/api/activities/" + id + "/registrations").auth(parent).send();
        JsonNode listed = api.get("/api/activities?from=2027-02-01&to=2027-02-01")
                .auth(parent)
                .send()
                .json()
                .get("content")
                .valueStream()
                .filter(a -> a.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow()
                .get("forCaller");
        assertThat(listed.get("registration").asString()).isEqualTo("REGISTERED");
        assertThat(listed.get("mayRegister").asBoolean()).isFalse();

        JsonNode forStudent =
                api.get("/api/activities/" + id).auth(student).send().json().get("forCaller");
        assertThat(forStudent.get("inAudience").asBoolean()).isFalse();
        assertThat(forStudent.get("mayRegister").asBoolean()).isFalse();
        JsonNode forFacilitator =
                api.get("/api/activities/" + id).auth(coordinator).send().json().get("forCaller");
        assertThat(forFacilitator.get("facilitating").asBoolean()).isTrue();

        api.post("/api/activities/" + id + "/cancellation").auth(coordinator).send();
        assertThat(api.get("/api/activities/" + id)
                        .auth(Trainings.bearer("p2-" + UUID.randomUUID(), school, "parent"))
                        .send()
                        .json()
                        .get("forCaller")
                        .get("mayRegister")
                        .asBoolean())
                .as("a cancelled activity takes nobody")
                .isFalse();
    }

    @Test
    void a_person_outside_the_audience_cannot_register() {
        String body = """
                {"type":"PARENT_SESSION","title":"Mediation - a culture of reconciliation",
                 "audience":{"groups":["PARENTS"]},"facilitators":["%s"],
                 "startsAt":"2027-02-01T18:00:00+05:00","endsAt":"2027-02-01T19:00:00+05:00",
                 "place":"Assembly hall","language":"ru"}
                """.formatted(coordinatorId);
        String id = Trainings.schedule(api, coordinator, body).get("id").asString();

        assertThat(api.post("/api/activities/" + id + "/registrations")
                        .auth(Trainings.bearer("s-" + UUID.randomUUID(), school, "student"))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("not-in-audience");
        assertThat(api.post("/api/activities/" + id + "/registrations")
                        .auth(Trainings.bearer("p-" + UUID.randomUUID(), school, "parent"))
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_facilitator_or_a_coordinator_records_attendance_per_person_and_completion_counts_the_participants() {
        String mediatorId = "med-" + UUID.randomUUID();
        String mediator = Trainings.bearer(mediatorId, school, "student", "mediator");
        String start = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        String end = OffsetDateTime.now().plusDays(1).plusHours(1).withNano(0).toString();
        String id = Trainings.schedule(
                        api, coordinator, Trainings.activity("TRAINING", mediatorId, start, end, 10, null))
                .get("id")
                .asString();
        // Marks are for the people it is for: here those who registered before it started.
        String u1 = "u1-" + UUID.randomUUID();
        String u2 = "u2-" + UUID.randomUUID();
        String u3 = "u3-" + UUID.randomUUID();
        String u4 = "u4-" + UUID.randomUUID();
        for (String person : List.of(u1, u2, u3, u4)) {
            assertThat(api.post("/api/activities/" + id + "/registrations")
                            .auth(Trainings.bearer(person, school, "student", "mediator"))
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        Trainings.started(api, coordinator, id);

        ServiceApi.Answer recorded = api.request(
                        org.springframework.http.HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                .auth(mediator)
                .json("""
                        {"marks":[{"userId":"%s","status":"PRESENT"},{"userId":"%s","status":"ABSENT"},
                                  {"userId":"%s","status":"EXCUSED"},{"userId":"%s","status":"PRESENT"}]}
                        """.formatted(u1, u2, u3, u4))
                .send();
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("marks").get(u2).asString()).isEqualTo("ABSENT");

        // Another mediator of the school does not run this activity.
        api.request(org.springframework.http.HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                .auth(Trainings.bearer("other-" + UUID.randomUUID(), school, "student", "mediator"))
                .json("{\"marks\":[{\"userId\":\"%s\",\"status\":\"ABSENT\"}]}".formatted(u1))
                .send()
                .problem(403);

        // A coordinator of the school, who supervises every activity, corrects a mark without facilitating.
        ServiceApi.Answer corrected = api.request(
                        org.springframework.http.HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                .auth(coordinator)
                .json("{\"marks\":[{\"userId\":\"%s\",\"status\":\"EXCUSED\"}]}".formatted(u4))
                .send();
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("marks").get(u4).asString()).isEqualTo("EXCUSED");
        assertThat(corrected.json().get("marks").get(u1).asString()).isEqualTo("PRESENT");

        JsonNode completed = api.post("/api/activities/" + id + "/completion")
                .auth(mediator)
                .send()
                .json();
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/api/activities/" + id + "/attendance")
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("marks")
                        .get(u1)
                        .asString())
                .isEqualTo("PRESENT");
    }

    @Test
    void only_people_the_activity_is_for_are_marked_and_others_are_named_by_row() {
        String mediatorId = "med-" + UUID.randomUUID();
        String registered = "reg-" + UUID.randomUUID();
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                mediatorId,
                                OffsetDateTime.now().plusDays(1).withNano(0).toString(),
                                OffsetDateTime.now()
                                        .plusDays(1)
                                        .plusHours(1)
                                        .withNano(0)
                                        .toString(),
                                10,
                                null))
                .get("id")
                .asString();
        api.post("/api/activities/" + id + "/registrations")
                .auth(Trainings.bearer(registered, school, "student", "mediator"))
                .send();
        Trainings.started(api, coordinator, id);

        JsonNode refused = api.request(org.springframework.http.HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                .auth(coordinator)
                .json("""
                        {"marks":[{"userId":"%s","status":"PRESENT"},{"userId":"nobody","status":"PRESENT"},
                                  {"userId":"%s","status":"PRESENT"}]}
                        """.formatted(registered, mediatorId))
                .send()
                .problem(400);

        assertThat(refused.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("marks[1].userId");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("attendance.not-in-audience");
        assertThat(api.get("/api/activities/" + id + "/attendance")
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("marks")
                        .propertyNames())
                .isEmpty();
        assertThat(api.request(org.springframework.http.HttpMethod.PUT, "/api/activities/" + id + "/attendance")
                        .auth(coordinator)
                        .json("""
                                {"marks":[{"userId":"%s","status":"PRESENT"},{"userId":"%s","status":"PRESENT"}]}
                                """.formatted(registered, mediatorId))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_whole_class_is_counted_at_a_peer_lesson_but_not_at_a_training() {
        String mediatorId = "med-" + UUID.randomUUID();
        String mediator = Trainings.bearer(mediatorId, school, "student", "mediator");
        String start = OffsetDateTime.now().minusHours(2).withNano(0).toString();
        String end = OffsetDateTime.now().minusHours(1).withNano(0).toString();
        String lesson = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "PEER_LESSON", mediatorId, start, end, null, "\"openForRegistration\":false"))
                .get("id")
                .asString();
        String training = Trainings.schedule(
                        api, coordinator, Trainings.activity("TRAINING", mediatorId, start, end, null, null))
                .get("id")
                .asString();

        ServiceApi.Answer counted = api.request(
                        org.springframework.http.HttpMethod.PUT, "/api/activities/" + lesson + "/attendance")
                .auth(mediator)
                .json("{\"marks\":[],\"headCount\":27}")
                .send();
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().get("headCount").asInt()).isEqualTo(27);
        assertThat(api.get("/api/activities/" + lesson)
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("headCount")
                        .asInt())
                .isEqualTo(27);

        assertThat(api.request(org.springframework.http.HttpMethod.PUT, "/api/activities/" + training + "/attendance")
                        .auth(mediator)
                        .json("{\"marks\":[],\"headCount\":27}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("head-count-only-for-peer-lessons");
        assertThat(api.post("/api/activities/" + lesson + "/registrations")
                        .auth(Trainings.bearer("s-" + UUID.randomUUID(), school, "student"))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("registration-closed");
    }

    @Test
    void another_schools_activity_is_404() {
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(
                                "TRAINING",
                                coordinatorId,
                                "2027-02-01T10:00:00+05:00",
                                "2027-02-01T11:00:00+05:00",
                                10,
                                null))
                .get("id")
                .asString();
        String stranger = Trainings.bearer("x-" + UUID.randomUUID(), Trainings.newSchool(), "coordinator");

        api.get("/api/activities/" + id).auth(stranger).send().problem(404);
        api.post("/api/activities/" + id + "/cancellation")
                .auth(stranger)
                .send()
                .problem(404);
        assertThat(api.get("/api/activities")
                        .auth(stranger)
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isZero();
    }
}
