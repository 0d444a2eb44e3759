package kz.senim.training.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.TopicProbe;
import kz.senim.training.MembershipFeed;
import kz.senim.training.Trainings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mediator curriculum end to end: trainees arrive from membership's events, attend the
 * modules and simulations, and are qualified exactly once, as an event that fits its schema.
 */
@SenimIntegrationTest
class CurriculumIT {

    static final String QUALIFIED = "kz.senim.training.trainee-qualified.v1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    MembershipFeed membership;
    String school;
    String coordinatorId;
    String coordinator;
    String mediatorId;
    String mediator;

    @BeforeEach
    void setUp() {
        api = ServiceApi.at(port);
        membership = new MembershipFeed();
        school = Trainings.newSchool();
        coordinatorId = "coord-" + UUID.randomUUID();
        coordinator = Trainings.bearer(coordinatorId, school, "coordinator");
        mediatorId = "lead-" + UUID.randomUUID();
        mediator = Trainings.bearer(mediatorId, school, "student", "mediator");
    }

    @AfterEach
    void tearDown() {
        membership.close();
    }

    @Test
    void a_trainee_who_attends_every_module_and_three_simulations_is_qualified_once() {
        String traineeId = "trainee-" + UUID.randomUUID();
        String trainee = Trainings.bearer(traineeId, school, "student", "mediator");
        UUID admitted = membership.send("member-admitted", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"TRAINEE"
                """.formatted(traineeId));
        // The same event delivered twice is applied once.
        membership.send(admitted, "member-admitted", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"TRAINEE"
                """.formatted(traineeId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/activities/curriculum/trainees/" + traineeId)
                                .auth(trainee)
                                .send()
                                .status()
                        == 200);

        attend(traineeId, "TRAINING", """
                ["FOUNDATIONS_AND_PRINCIPLES","ACTIVE_LISTENING","I_MESSAGES","MEDIATION_PROCEDURE",
                 "WRITING_AN_AGREEMENT"]""");
        attend(traineeId, "SIMULATION", "[\"CO_MEDIATION_SIMULATIONS\"]");
        attend(traineeId, "SIMULATION", "[\"CO_MEDIATION_SIMULATIONS\"]");

        JsonNode almost = api.get("/api/activities/curriculum/trainees/" + traineeId)
                .auth(trainee)
                .send()
                .json();
        assertThat(almost.get("qualified").asBoolean()).isFalse();
        assertThat(almost.get("modulesMissing").valueStream()).isEmpty();
        assertThat(almost.get("simulationsAttended").asInt()).isEqualTo(2);
        assertThat(almost.get("simulationsRequired").asInt()).isEqualTo(3);

        String last = attend(traineeId, "SIMULATION", "[\"CO_MEDIATION_SIMULATIONS\"]");

        try (TopicProbe probe = TopicProbe.on("senim.training.v1")) {
            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> traineeId.equals(r.key()) && QUALIFIED.equals(header(r, "ce_type")), Duration.ofSeconds(30));
            EventContracts.assertConforms(QUALIFIED, record.value());
            JsonNode payload = JsonMapper.builder().build().readTree(record.value());
            assertThat(payload.get("userId").asString()).isEqualTo(traineeId);
            assertThat(payload.get("schoolId").asString()).isEqualTo(school);
            assertThat(payload.get("schoolYear").asString()).isEqualTo("2026-2027");
            assertThat(payload.get("modulesCompleted").asInt()).isEqualTo(6);
            assertThat(payload.get("simulationsAttended").asInt()).isEqualTo(3);
            assertThat(header(record, "ce_id")).isEqualTo(payload.get("eventId").asString());

            // Recording the same attendance again qualifies nobody twice.
            mark(last, traineeId, "PRESENT");
            assertThat(probe.collect(
                            r -> traineeId.equals(r.key()) && QUALIFIED.equals(header(r, "ce_type")),
                            Duration.ofSeconds(2)))
                    .hasSize(1);
        }

        JsonNode progress = api.get("/api/activities/curriculum/trainees/" + traineeId)
                .auth(coordinator)
                .send()
                .json();
        assertThat(progress.get("qualified").asBoolean()).isTrue();
        assertThat(progress.get("qualifiedAt").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from processed_message where message_id = :id")
                        .param("id", admitted)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void progress_is_visible_to_the_trainee_and_coordinators_only() {
        String traineeId = "trainee-" + UUID.randomUUID();
        membership.send("member-admitted", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"TRAINEE"
                """.formatted(traineeId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/activities/curriculum/trainees/" + traineeId)
                                .auth(coordinator)
                                .send()
                                .status()
                        == 200);

        api.get("/api/activities/curriculum/trainees/" + traineeId)
                .auth(Trainings.bearer("peer-" + UUID.randomUUID(), school, "student", "mediator"))
                .send()
                .problem(404);
        api.get("/api/activities/curriculum/trainees/" + traineeId)
                .auth(Trainings.bearer("c-" + UUID.randomUUID(), Trainings.newSchool(), "coordinator"))
                .send()
                .problem(404);
        JsonNode trainees = api.get("/api/activities/curriculum/trainees")
                .auth(coordinator)
                .send()
                .json();
        assertThat(trainees.get("content")
                        .valueStream()
                        .map(t -> t.get("userId").asString()))
                .containsExactly(traineeId);
    }

    @Test
    void a_coordinator_revises_the_curriculum_and_trainees_who_now_meet_it_are_qualified() {
        String traineeId = "trainee-" + UUID.randomUUID();
        membership.send("member-admitted", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"TRAINEE"
                """.formatted(traineeId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from member where user_id = :u")
                                .param("u", traineeId)
                                .query(Long.class)
                                .single()
                        == 1);
        attend(traineeId, "TRAINING", "[\"ACTIVE_LISTENING\"]");

        ServiceApi.Answer revised = api.request(HttpMethod.PUT, "/api/activities/curriculum")
                .auth(coordinator)
                .header("If-Match", "\"0\"")
                .json("{\"requiredModules\":[\"ACTIVE_LISTENING\"],\"requiredSimulations\":0}")
                .send();
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.headers().getETag()).isEqualTo("\"1\"");

        assertThat(api.get("/api/activities/curriculum/trainees/" + traineeId)
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("qualified")
                        .asBoolean())
                .isTrue();
        api.request(HttpMethod.PUT, "/api/activities/curriculum")
                .auth(coordinator)
                .header("If-Match", "\"0\"")
                .json("{\"requiredModules\":[],\"requiredSimulations\":0}")
                .send()
                .problem(412);
    }

    @Test
    void a_member_who_left_is_no_longer_a_trainee_and_is_not_qualified() {
        String traineeId = "trainee-" + UUID.randomUUID();
        membership.send("member-admitted", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"TRAINEE"
                """.formatted(traineeId));
        membership.send("member-left", school, traineeId, """
                "userId":"%s","schoolYear":"2026-2027","status":"LEFT"
                """.formatted(traineeId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "LEFT"
                        .equals(api.get("/api/activities/curriculum/trainees/" + traineeId)
                                .auth(coordinator)
                                .send()
                                .json()
                                .path("memberStatus")
                                .asString("")));

        api.request(HttpMethod.PUT, "/api/activities/curriculum")
                .auth(coordinator)
                .json("{\"requiredModules\":[],\"requiredSimulations\":0}")
                .send();

        assertThat(api.get("/api/activities/curriculum/trainees/" + traineeId)
                        .auth(coordinator)
                        .send()
                        .json()
                        .get("qualifiedAt")
                        .isNull())
                .isTrue();
    }

    @Test
    void grades_from_the_people_directory_decide_who_is_in_a_class_audience() {
        String fifthGraderId = "pupil-" + UUID.randomUUID();
        membership.send("person-registered", school, fifthGraderId, """
                "userId":"%s","role":"student","grade":5,"classLetter":"Ә","guardianOf":[],"language":"kk"
                """.formatted(fifthGraderId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from person where user_id = :u")
                                .param("u", fifthGraderId)
                                .query(Long.class)
                                .single()
                        == 1);
        String fifthGrader = Trainings.bearer(fifthGraderId, school, "student");

        assertThat(register(fifthGrader, 1, 4).status()).isEqualTo(409);
        assertThat(register(fifthGrader, 1, 9).status()).isEqualTo(201);

        membership.send("person-removed", school, fifthGraderId, "\"userId\":\"%s\"".formatted(fifthGraderId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from person where user_id = :u")
                                .param("u", fifthGraderId)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void a_school_in_another_time_zone_shows_and_repeats_its_activities_in_that_zone() {
        membership.send("school-registered", school, school, """
                "timeZone":"Europe/Istanbul","defaultLanguage":"kk"
                """);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from school where id = :s")
                                .param("s", school)
                                .query(Long.class)
                                .single()
                        == 1);

        JsonNode activity = Trainings.schedule(
                api,
                coordinator,
                Trainings.activity(
                        "CLUB_MEETING",
                        coordinatorId,
                        "2027-01-05T15:00:00+05:00",
                        "2027-01-05T16:00:00+05:00",
                        null,
                        "\"repeat\":{\"frequency\":\"MONTHLY\",\"occurrences\":2}"));

        assertThat(activity.get("timeZone").asString()).isEqualTo("Europe/Istanbul");
        assertThat(activity.get("startsAt").asString()).isEqualTo("2027-01-05T13:00:00+03:00");
        JsonNode series = api.get(
                        "/api/activities?seriesId=" + activity.get("seriesId").asString())
                .auth(coordinator)
                .send()
                .json();
        assertThat(series.get("content").get(1).get("startsAt").asString()).isEqualTo("2027-02-05T13:00:00+03:00");
    }

    private ServiceApi.Answer register(String student, int from, int to) {
        String id = Trainings.schedule(api, coordinator, """
                        {"type":"PEER_LESSON","title":"How do we resolve a conflict correctly?",
                         "audience":{"groups":["STUDENTS"],"gradeFrom":%d,"gradeTo":%d},"facilitators":["%s"],
                         "startsAt":"2027-02-01T10:00:00+05:00","endsAt":"2027-02-01T10:45:00+05:00",
                         "place":"Room 5","language":"kk"}
                        """.formatted(from, to, mediatorId))
                .get("id")
                .asString();
        return api.post("/api/activities/" + id + "/registrations")
                .auth(student)
                .send();
    }

    /** Schedules a past activity run by the lead mediator, tagged with modules, and marks the trainee present. */
    private String attend(String traineeId, String type, String modules) {
        String start = OffsetDateTime.now().minusHours(3).withNano(0).toString();
        String end = OffsetDateTime.now().minusHours(2).withNano(0).toString();
        String id = Trainings.schedule(
                        api,
                        coordinator,
                        Trainings.activity(type, mediatorId, start, end, null, "\"modules\":" + modules))
                .get("id")
                .asString();
        mark(id, traineeId, "PRESENT");
        return id;
    }

    private void mark(String activityId, String userId, String status) {
        ServiceApi.Answer answer = api.request(HttpMethod.PUT, "/api/activities/" + activityId + "/attendance")
                .auth(mediator)
                .json("{\"marks\":[{\"userId\":\"%s\",\"status\":\"%s\"}]}".formatted(userId, status))
                .send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
