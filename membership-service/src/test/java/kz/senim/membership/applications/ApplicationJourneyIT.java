package kz.senim.membership.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import kz.senim.membership.TestSchool;
import kz.senim.membership.TrainingEvents;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Apply → interview → accept → member → certified by training-service → left; the waitlist; the grade rule. */
@SenimIntegrationTest(properties = "senim.membership.mediator-role-sync=false")
class ApplicationJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestSchool school;

    @BeforeEach
    void school() {
        school = TestSchool.register(ServiceApi.at(port));
    }

    @Test
    void a_student_applies_is_interviewed_accepted_certified_by_the_curriculum_and_leaves() {
        String student = school.student("stu-1", 9);

        ServiceApi.Answer applied = school.api
                .post("/api/membership/applications")
                .auth(student)
                .header("Idempotency-Key", "apply-1")
                .json("{\"motivation\":\"I want to help classmates\",\"availability\":\"Tuesdays after class\"}")
                .send();
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().get("id").asString();
        ServiceApi.Answer retried = school.api
                .post("/api/membership/applications")
                .auth(student)
                .header("Idempotency-Key", "apply-1")
                .json("{\"motivation\":\"I want to help classmates\",\"availability\":\"Tuesdays after class\"}")
                .send();
        assertThat(retried.json().get("id").asString())
                .as("the retried POST is the same application")
                .isEqualTo(id);

        school.api
                .post("/api/membership/applications/" + id + "/acceptance")
                .auth(school.coordinator())
                .send()
                .problem(409);

        ServiceApi.Answer interview = school.api
                .post("/api/membership/applications/" + id + "/interview")
                .auth(school.coordinator())
                .header("If-Match", applied.headers().getETag())
                .json("{\"at\":\"2026-12-01T10:00:00+05:00\",\"place\":\"Room 204\",\"interviewerId\":\"%s\"}"
                        .formatted(school.coordinatorId))
                .send();
        assertThat(interview.json().get("status").asString()).isEqualTo("INTERVIEW_SCHEDULED");
        school.api
                .post("/api/membership/applications/" + id + "/acceptance")
                .auth(school.coordinator())
                .header("If-Match", applied.headers().getETag())
                .send()
                .problem(412);

        ServiceApi.Answer accepted = school.api
                .post("/api/membership/applications/" + id + "/acceptance")
                .auth(school.coordinator())
                .header("If-Match", interview.headers().getETag())
                .send();
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

        JsonNode member = school.api
                .get("/api/membership/members/stu-1")
                .auth(student)
                .send()
                .json();
        assertThat(member.get("status").asString()).isEqualTo("TRAINEE");
        String year = member.get("schoolYear").asString();

        TrainingEvents.traineeQualified(school.id, "stu-1", year, 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "CERTIFIED"
                        .equals(school.api
                                .get("/api/membership/members/stu-1")
                                .auth(student)
                                .send()
                                .json()
                                .get("status")
                                .asString()));

        JsonNode roster = school.api
                .get("/api/membership/roster")
                .auth(school.coordinator())
                .send()
                .json();
        assertThat(roster.get("counts").get("CERTIFIED").asInt()).isEqualTo(1);
        assertThat(roster.get("activeMembers").asInt()).isEqualTo(1);

        ServiceApi.Answer left = school.api
                .post("/api/membership/members/stu-1/departure")
                .auth(student)
                .send();
        assertThat(left.json().get("status").asString()).isEqualTo("LEFT");
        school.api
                .post("/api/membership/members/stu-1/departure")
                .auth(student)
                .send()
                .problem(409);

        List<ConsumerRecord<String, byte[]>> events = school.events(9);
        assertThat(TestSchool.types(events))
                .as("the duplicate training event certified once")
                .containsExactlyInAnyOrder(
                        "kz.senim.membership.school-registered.v1",
                        "kz.senim.membership.person-registered.v1",
                        "kz.senim.membership.person-registered.v1",
                        "kz.senim.membership.application-submitted.v1",
                        "kz.senim.membership.interview-scheduled.v1",
                        "kz.senim.membership.application-accepted.v1",
                        "kz.senim.membership.member-admitted.v1",
                        "kz.senim.membership.member-certified.v1",
                        "kz.senim.membership.member-left.v1");
        TestSchool.assertConformToTheirSchemas(events);
        assertThat(events).noneMatch(r -> new String(r.value()).contains("classmates"));
    }

    @Test
    void when_the_club_is_full_the_next_accepted_student_is_waitlisted_until_a_place_is_free() {
        setCapacity(1);
        String first = school.student("full-1", 10);
        String second = school.student("full-2", 11);
        String firstApplication = applyAndInterview(first);
        String secondApplication = applyAndInterview(second);

        accept(firstApplication).json();
        JsonNode waitlisted = accept(secondApplication).json();
        assertThat(waitlisted.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(accept(secondApplication).problem(409).get("reason").asString())
                .isEqualTo("club-full");

        school.api.post("/api/membership/members/full-1/departure").auth(first).send();
        assertThat(accept(secondApplication).json().get("status").asString()).isEqualTo("ACCEPTED");

        assertThat(TestSchool.types(school.events(11))).contains("kz.senim.membership.application-waitlisted.v1");
        TestSchool.assertConformToTheirSchemas(school.events(11));
    }

    @Test
    void only_the_admission_grades_may_apply_and_the_student_may_withdraw() {
        String young = school.student("young-1", 7);
        ServiceApi.Answer refused = school.api
                .post("/api/membership/applications")
                .auth(young)
                .language("ru")
                .json("{\"motivation\":\"m\",\"availability\":\"a\"}")
                .send();
        JsonNode problem = refused.problem(409);
        assertThat(problem.get("reason").asString()).isEqualTo("grade-not-admitted");
        assertThat(problem.get("detail").asString()).isEqualTo("Ученики вашего класса не могут подать заявку в клуб.");

        String student = school.student("w-1", 8);
        String id = applyAndInterview(student);
        school.api
                .post("/api/membership/applications")
                .auth(student)
                .json("{\"motivation\":\"again\",\"availability\":\"a\"}")
                .send()
                .problem(409);
        school.api
                .post("/api/membership/applications/" + id + "/withdrawal")
                .auth(TestSchool.as("someone-else", school.id, "student"))
                .send()
                .problem(404);
        assertThat(school.api
                        .post("/api/membership/applications/" + id + "/withdrawal")
                        .auth(student)
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("WITHDRAWN");
        assertThat(school.api
                        .get("/api/membership/applications?status=WITHDRAWN")
                        .auth(school.coordinator())
                        .send()
                        .json()
                        .get("totalElements")
                        .asInt())
                .isEqualTo(1);

        String rejectedId = applyAndInterview(school.student("r-1", 10));
        ServiceApi.Answer rejected = school.api
                .post("/api/membership/applications/" + rejectedId + "/rejection")
                .auth(school.coordinator())
                .json("{\"reason\":\"Too many commitments this term\"}")
                .send();
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

        List<ConsumerRecord<String, byte[]>> events = school.events(11);
        assertThat(TestSchool.types(events))
                .contains(
                        "kz.senim.membership.application-withdrawn.v1", "kz.senim.membership.application-rejected.v1");
        TestSchool.assertConformToTheirSchemas(events);
        assertThat(events).noneMatch(r -> new String(r.value()).contains("commitments"));
    }

    String applyAndInterview(String student) {
        String id = school.api
                .post("/api/membership/applications")
                .auth(student)
                .json("{\"motivation\":\"m\",\"availability\":\"a\"}")
                .send()
                .json()
                .get("id")
                .asString();
        school.api
                .post("/api/membership/applications/" + id + "/interview")
                .auth(school.coordinator())
                .json("{\"at\":\"2026-12-01T10:00:00Z\",\"place\":\"204\",\"interviewerId\":\"%s\"}"
                        .formatted(school.coordinatorId))
                .send();
        return id;
    }

    ServiceApi.Answer accept(String id) {
        return school.api
                .post("/api/membership/applications/" + id + "/acceptance")
                .auth(school.coordinator())
                .send();
    }

    void setCapacity(int capacity) {
        ServiceApi.Answer edited = school.api
                .request(HttpMethod.PUT, "/api/schools/" + school.id + "/club/profile")
                .auth(school.coordinator())
                .json(ClubProfiles.minimal(capacity))
                .send();
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    }
}
