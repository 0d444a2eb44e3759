package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static kz.senim.cases.mediation.CaseFixture.party;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kz.senim.cases.MembershipFeed;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TestJwts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A school's own case settings over HTTP, and the rules following them. */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolSettingsApiIT {

    private static final String PATH = "/api/cases/settings";
    private static final String ONE_MEDIATOR = """
            {"mediatorsPerCase":1,"followUpDays":14,"retentionDays":365,"timeZone":"Asia/Almaty"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;

    @BeforeAll
    void api() {
        api = ServiceApi.at(port);
    }

    @Test
    void times_are_answered_in_the_schools_time_zone() {
        CaseFixture school = new CaseFixture(api, jdbc);
        // Pacific/Kiritimati is +14:00 all year, an offset Asia/Almaty (the default) never has.
        ok(api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .header("If-Match", "\"0\"")
                .json("""
                        {"mediatorsPerCase":2,"followUpDays":14,"retentionDays":365,"timeZone":"Pacific/Kiritimati"}
                        """)
                .send());

        Answer submitted = api.post("/api/cases")
                .auth(school.asTeacher())
                .json("""
                        {"description":"We argue","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(school.alua, school.bekzat))
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("submittedAt").asString()).endsWith("+14:00");
        JsonNode listed = ok(api.get("/api/cases").auth(school.asCoordinator()).send());
        assertThat(listed.get("content").get(0).get("submittedAt").asString()).endsWith("+14:00");

        Answer asked = api.post("/api/consultations")
                .auth(school.asStudent(school.alua))
                .json("{\"kind\":\"QUESTION\",\"question\":\"When does the club meet?\"}")
                .send();
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("askedAt").asString()).endsWith("+14:00");
    }

    @Test
    void a_school_that_set_nothing_follows_the_defaults() {
        CaseFixture school = new CaseFixture(api, jdbc);

        Answer answer = api.get(PATH).auth(school.asCoordinator()).send();

        JsonNode settings = ok(answer);
        assertThat(answer.headers().getETag()).isEqualTo("\"0\"");
        assertThat(settings.get("mediatorsPerCase").asInt()).isEqualTo(2);
        assertThat(settings.get("guardianConsentBelowGrade").isNull()).isTrue();
        assertThat(settings.get("followUpDays").asInt()).isEqualTo(14);
        assertThat(settings.get("retentionDays").asInt()).isEqualTo(365);
        assertThat(settings.get("timeZone").asString()).isEqualTo("Asia/Almaty");
        assertThat(settings.get("followsDefaults").asBoolean()).isTrue();
    }

    @Test
    void a_coordinator_changes_the_settings_versioned_and_audited_and_a_stale_version_is_412() {
        CaseFixture school = new CaseFixture(api, jdbc);

        Answer changed = api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .header("If-Match", "\"0\"")
                .json("""
                        {"mediatorsPerCase":1,"guardianConsentBelowGrade":7,"followUpDays":21,
                         "retentionDays":180,"timeZone":"Asia/Aqtobe"}
                        """)
                .send();

        JsonNode settings = ok(changed);
        assertThat(changed.headers().getETag()).isEqualTo("\"1\"");
        assertThat(settings.get("mediatorsPerCase").asInt()).isEqualTo(1);
        assertThat(settings.get("guardianConsentBelowGrade").asInt()).isEqualTo(7);
        assertThat(settings.get("followUpDays").asInt()).isEqualTo(21);
        assertThat(settings.get("retentionDays").asInt()).isEqualTo(180);
        assertThat(settings.get("timeZone").asString()).isEqualTo("Asia/Aqtobe");
        assertThat(settings.get("followsDefaults").asBoolean()).isFalse();
        assertThat(ok(api.get(PATH).auth(school.asCoordinator()).send())
                        .get("followUpDays")
                        .asInt())
                .isEqualTo(21);
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry
                        where school_id = :school and subject_type = 'SCHOOL_SETTINGS' and action = 'CHANGE'
                          and actor_id = :actor
                        """)
                        .param("school", school.school)
                        .param("actor", school.coordinator)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .header("If-Match", "\"0\"")
                .json(ONE_MEDIATOR)
                .send()
                .problem(412);
        assertThat(ok(api.get(PATH).auth(school.asCoordinator()).send())
                        .get("followUpDays")
                        .asInt())
                .isEqualTo(21);
        Answer again = api.request(HttpMethod.PUT, PATH)
                .auth(asAdmin(school.school))
                .header("If-Match", "\"1\"")
                .json(ONE_MEDIATOR)
                .send();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.headers().getETag()).isEqualTo("\"2\"");
    }

    @Test
    void another_schools_settings_are_never_seen_nor_changed() {
        CaseFixture school = new CaseFixture(api, jdbc);
        CaseFixture other = new CaseFixture(api, jdbc);
        ok(api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json(ONE_MEDIATOR)
                .send());

        // Another school's coordinator and admin address their own school only: they see and change theirs.
        JsonNode theirs = ok(api.get(PATH).auth(other.asCoordinator()).send());
        assertThat(theirs.get("mediatorsPerCase").asInt()).isEqualTo(2);
        assertThat(ok(api.get(PATH).auth(asAdmin(other.school)).send())
                        .get("mediatorsPerCase")
                        .asInt())
                .isEqualTo(2);
        ok(api.request(HttpMethod.PUT, PATH)
                .auth(asAdmin(other.school))
                .json("""
                        {"mediatorsPerCase":2,"followUpDays":30,"retentionDays":365,"timeZone":"Asia/Almaty"}
                        """)
                .send());
        JsonNode ours = ok(api.get(PATH).auth(school.asCoordinator()).send());
        assertThat(ours.get("mediatorsPerCase").asInt()).isEqualTo(1);
        assertThat(ours.get("followUpDays").asInt()).isEqualTo(14);

        // A district admin has no school: there are no settings for them.
        String districtAdmin =
                TestJwts.user("district-" + UUID.randomUUID()).roles("admin").bearer();
        api.get(PATH).auth(districtAdmin).send().problem(404);
        api.request(HttpMethod.PUT, PATH)
                .auth(districtAdmin)
                .json(ONE_MEDIATOR)
                .send()
                .problem(404);
    }

    @Test
    void only_coordinators_and_the_school_admin_read_or_change_the_settings() {
        CaseFixture school = new CaseFixture(api, jdbc);
        for (String caller : List.of(
                school.asStudent(school.alua), school.asMediator(school.dana), school.asTeacher(), asParent(school))) {
            api.get(PATH).auth(caller).send().problem(403);
            api.request(HttpMethod.PUT, PATH)
                    .auth(caller)
                    .json(ONE_MEDIATOR)
                    .send()
                    .problem(403);
        }
        assertThat(ok(api.get(PATH).auth(school.asCoordinator()).send())
                        .get("followsDefaults")
                        .asBoolean())
                .isTrue();
        assertThat(api.get(PATH).send().status()).isEqualTo(401);
    }

    @Test
    void bad_values_are_400_with_every_field_error() {
        CaseFixture school = new CaseFixture(api, jdbc);

        JsonNode problem = api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json("""
                        {"mediatorsPerCase":3,"guardianConsentBelowGrade":1,"followUpDays":0,"retentionDays":99999}
                        """)
                .send()
                .problem(400);
        assertThat(fields(problem))
                .contains("mediatorsPerCase", "guardianConsentBelowGrade", "followUpDays", "retentionDays", "timeZone");

        JsonNode zone = api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json("""
                        {"mediatorsPerCase":2,"followUpDays":14,"retentionDays":365,"timeZone":"Mars/Olympus"}
                        """)
                .send()
                .problem(400);
        assertThat(fields(zone)).containsExactly("timeZone");

        Answer typed = api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json("""
                        {"mediatorsPerCase":"two","followUpDays":14,"retentionDays":365,"timeZone":"Asia/Almaty"}
                        """)
                .send();
        assertThat(typed.status()).as(typed.body()).isEqualTo(400);
        api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json("{")
                .send()
                .problem(400);
        assertThat(ok(api.get(PATH).auth(school.asCoordinator()).send())
                        .get("followsDefaults")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_school_with_one_mediator_per_case_starts_mediation_without_co_mediation() {
        CaseFixture school = new CaseFixture(api, jdbc);
        ok(api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json(ONE_MEDIATOR)
                .send());
        String path = submittedAndTriaged(school, school.alua, school.bekzat);

        JsonNode assigned = ok(api.post(path + "/mediators")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.dana + "\"}")
                .send());
        assertThat(assigned.get("status").asString()).isEqualTo("MEDIATORS_ASSIGNED");
        assertThat(api.post(path + "/mediators")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.erlan + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("mediator-team-complete");
        JsonNode asked = ok(api.post(path + "/consent-request")
                .auth(school.asMediator(school.dana))
                .send());
        for (String student : List.of(school.alua, school.bekzat)) {
            ok(api.post(path + "/consents")
                    .auth(school.asStudent(student))
                    .json("{\"partyId\":\"%s\",\"given\":true}".formatted(party(asked, student)))
                    .send());
        }

        assertThat(ok(api.get(path).auth(school.asCoordinator()).send())
                        .get("status")
                        .asString())
                .isEqualTo("IN_MEDIATION");
    }

    @Test
    void a_school_asking_guardian_consent_below_grade_7_requires_it_for_a_sixth_grader() {
        CaseFixture school = new CaseFixture(api, jdbc);
        String sixthGrader = "aigerim-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school.school, sixthGrader, 6, "D");
        }
        ok(api.request(HttpMethod.PUT, PATH)
                .auth(school.asCoordinator())
                .json("""
                        {"mediatorsPerCase":2,"guardianConsentBelowGrade":7,"followUpDays":14,
                         "retentionDays":365,"timeZone":"Asia/Almaty"}
                        """)
                .send());
        String path = submittedAndTriaged(school, school.alua, sixthGrader);
        for (String mediator : List.of(school.dana, school.erlan)) {
            ok(api.post(path + "/mediators")
                    .auth(school.asCoordinator())
                    .json("{\"userId\":\"" + mediator + "\"}")
                    .send());
        }
        JsonNode asked = ok(api.post(path + "/consent-request")
                .auth(school.asMediator(school.dana))
                .send());
        for (String student : List.of(school.alua, sixthGrader)) {
            ok(api.post(path + "/consents")
                    .auth(school.asStudent(student))
                    .json("{\"partyId\":\"%s\",\"given\":true}".formatted(party(asked, student)))
                    .send());
        }

        // Both students consented; the sixth-grader's guardian has not yet. Grade 7 needs no guardian.
        assertThat(ok(api.get(path).auth(school.asCoordinator()).send())
                        .get("status")
                        .asString())
                .isEqualTo("AWAITING_CONSENT");
        assertThat(api.post(path + "/consents")
                        .auth(school.asCoordinator())
                        .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":true,\"note\":\"phoned\"}"
                                .formatted(party(asked, school.alua)))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("guardian-consent-not-required");
        JsonNode started = ok(api.post(path + "/consents")
                .auth(school.asCoordinator())
                .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":true,\"note\":\"Father called the office\"}"
                        .formatted(party(asked, sixthGrader)))
                .send());

        assertThat(started.get("status").asString()).isEqualTo("IN_MEDIATION");
    }

    private String submittedAndTriaged(CaseFixture school, String first, String second) {
        Answer submitted = api.post("/api/cases")
                .auth(school.asTeacher())
                .json("""
                        {"description":"%s","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(CaseFixture.DESCRIPTION, first, second))
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String path = "/api/cases/" + submitted.json().get("id").asString();
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"two students\"}")
                .send());
        return path;
    }

    private static String asAdmin(String school) {
        return TestJwts.user("admin-" + UUID.randomUUID())
                .roles("admin")
                .school(school)
                .bearer();
    }

    private static String asParent(CaseFixture school) {
        return TestJwts.user(school.parent)
                .roles("parent")
                .school(school.school)
                .bearer();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }
}
