package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.MembershipFeed;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TestJwts;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Guardian consent over HTTP, for a school that asks guardians below a grade (issue 15): the parent
 * the directory links to a student opens their child's case from the e-mail's link, sees what their
 * consent is about and nothing said in the case, and answers as guardian; everyone else still gets 404.
 */
@SenimIntegrationTest
class GuardianConsentIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_childs_guardian_sees_a_limited_view_and_consents_as_guardian() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture school = new CaseFixture(api, jdbc);
        String otherParent = "other-parent-" + UUID.randomUUID();
        String parentElsewhere = "parent-elsewhere-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.person(school.school, otherParent, "parent", null, null, List.of(school.outsider));
            feed.person(school.otherSchool, parentElsewhere, "parent", null, null, List.of(school.alua));
        }
        guardiansBelowGrade(api, school, 9);
        String id = awaitingConsent(api, school);
        String path = "/api/cases/" + id;
        String asParent = asParent(school.parent, school.school);

        Answer seen = api.get(path).auth(asParent).send();
        JsonNode view = ok(seen);
        assertThat(view.get("status").asString()).isEqualTo("AWAITING_CONSENT");
        assertThat(view.get("mediatedBy").asString()).isEqualTo("PEER_MEDIATORS");
        String aluaParty = view.get("guardianConsents").get(0).get("partyId").asString();
        assertThat(view.get("guardianConsents")).hasSize(1);
        assertThat(view.get("guardianConsents").get(0).has("given")).isFalse();
        for (String hidden : List.of(
                "description",
                "parties",
                "mediators",
                "consents",
                "sessions",
                "agreement",
                "triage",
                "preferredLanguage",
                "legalHold")) {
            assertThat(view.has(hidden))
                    .as("a guardian does not see %s", hidden)
                    .isFalse();
        }
        CaseFixture.CONFIDENTIAL.forEach(text -> assertThat(seen.body()).doesNotContain(text));
        assertThat(seen.body()).doesNotContain(school.bekzat, school.dana, school.erlan);

        // Only for their own child, only as guardian.
        JsonNode asCoordinator = ok(api.get(path).auth(school.asCoordinator()).send());
        String bekzatParty = CaseFixture.party(asCoordinator, school.bekzat);
        assertThat(api.post(path + "/consents")
                        .auth(asParent)
                        .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":true}".formatted(bekzatParty))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("nobody-consents-for-another");
        assertThat(api.post(path + "/consents")
                        .auth(asParent)
                        .json("{\"partyId\":\"%s\",\"given\":true}".formatted(aluaParty))
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .as("a guardian does not consent as the child")
                .isEqualTo("nobody-consents-for-another");
        assertThat(api.post(path + "/withdrawal").auth(asParent).send().status())
                .isEqualTo(403);

        JsonNode answered = ok(api.post(path + "/consents")
                .auth(asParent)
                .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":true}".formatted(aluaParty))
                .send());
        assertThat(answered.get("guardianConsents").get(0).get("given").asBoolean())
                .isTrue();
        assertThat(answered.has("parties")).isFalse();
        JsonNode recorded = ok(api.get(path).auth(school.asCoordinator()).send());
        assertThat(recorded.get("consents").valueStream()).anySatisfy(c -> {
            assertThat(c.get("partyId").asString()).isEqualTo(aluaParty);
            assertThat(c.get("guardian").asBoolean()).isTrue();
            assertThat(c.get("onBehalf").asBoolean()).isFalse();
        });
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> given = probe.await(
                    r -> id.equals(r.key())
                            && type(r).endsWith("consent-given.v1")
                            && new String(r.value(), StandardCharsets.UTF_8).contains("\"guardian\":true"),
                    Duration.ofSeconds(30));
            EventContracts.assertConforms(type(given), given.value());
            assertThat(new String(given.value(), StandardCharsets.UTF_8))
                    .contains("\"onBehalf\":false")
                    .doesNotContain(school.parent);
        }

        // Everyone else: 404, as if the case did not exist.
        for (String outsider : List.of(
                asParent(otherParent, school.school),
                asParent(parentElsewhere, school.otherSchool),
                asParent("parent-" + UUID.randomUUID(), school.school))) {
            api.get(path).auth(outsider).send().problem(404);
        }
        api.post(path + "/consents")
                .auth(asParent(otherParent, school.school))
                .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":false}".formatted(aluaParty))
                .send()
                .problem(404);
    }

    @Test
    void the_guardians_list_shows_their_childs_case_and_whether_it_waits_for_their_answer_and_nothing_else() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture school = new CaseFixture(api, jdbc);
        String otherParent = "other-parent-" + UUID.randomUUID();
        String parentElsewhere = "parent-elsewhere-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.person(school.school, otherParent, "parent", null, null, List.of(school.outsider));
            feed.person(school.otherSchool, parentElsewhere, "parent", null, null, List.of(school.alua));
        }
        guardiansBelowGrade(api, school, 9);
        String id = awaitingConsent(api, school);
        // A case of the same school without their child: not theirs to see.
        Answer another = api.post("/api/cases")
                .auth(school.asTeacher())
                .json("""
                        {"description":"%s","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(CaseFixture.DESCRIPTION, school.bekzat, school.spareMediator))
                .send();
        assertThat(another.status()).as(another.body()).isEqualTo(201);
        String asParent = asParent(school.parent, school.school);

        Answer listed = api.get("/api/cases").auth(asParent).send();
        JsonNode page = ok(listed);
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        JsonNode line = page.get("content").get(0);
        assertThat(line.get("id").asString()).isEqualTo(id);
        assertThat(line.get("status").asString()).isEqualTo("AWAITING_CONSENT");
        assertThat(line.get("asGuardian").asBoolean()).isTrue();
        assertThat(line.get("awaitingYourConsent").asBoolean()).isTrue();
        for (String hidden : List.of("askedBy", "partyCount", "nextSession")) {
            assertThat(line.path(hidden).isNull() || line.path(hidden).isMissingNode())
                    .as("a guardian's line has no %s", hidden)
                    .isTrue();
        }
        CaseFixture.CONFIDENTIAL.forEach(text -> assertThat(listed.body()).doesNotContain(text));
        assertThat(listed.body()).doesNotContain(school.alua, school.bekzat, school.dana, school.erlan, school.teacher);

        // The child, a party, sees the same case waiting for their own answer, and not as a guardian.
        JsonNode asChild = ok(api.get("/api/cases")
                        .auth(school.asStudent(school.alua))
                        .send())
                .get("content")
                .get(0);
        assertThat(asChild.get("asGuardian").asBoolean()).isFalse();
        assertThat(asChild.get("awaitingYourConsent").asBoolean()).isTrue();

        // Another family's guardian, and the child's guardian registered at another school: nothing listed.
        for (String outsider :
                List.of(asParent(otherParent, school.school), asParent(parentElsewhere, school.otherSchool))) {
            assertThat(ok(api.get("/api/cases").auth(outsider).send())
                            .get("totalElements")
                            .asLong())
                    .isZero();
        }

        // Once the guardian answered, the line stays and no longer waits for them.
        String aluaParty = ok(api.get("/api/cases/" + id).auth(asParent).send())
                .get("guardianConsents")
                .get(0)
                .get("partyId")
                .asString();
        ok(api.post("/api/cases/" + id + "/consents")
                .auth(asParent)
                .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":true}".formatted(aluaParty))
                .send());
        JsonNode answered =
                ok(api.get("/api/cases").auth(asParent).send()).get("content").get(0);
        assertThat(answered.get("id").asString()).isEqualTo(id);
        assertThat(answered.get("awaitingYourConsent").asBoolean()).isFalse();

        // The school asks guardians only below grade 7 now: the grade-7 child's case leaves the list, as it
        // answers 404 when opened.
        guardiansBelowGrade(api, school, 7);
        assertThat(ok(api.get("/api/cases").auth(asParent).send())
                        .get("totalElements")
                        .asLong())
                .isZero();
        api.get("/api/cases/" + id).auth(asParent).send().problem(404);
    }

    @Test
    void without_the_setting_the_parent_sees_nothing_and_a_guardians_no_ends_the_case_when_it_is_on() {
        ServiceApi api = ServiceApi.at(port);
        CaseFixture school = new CaseFixture(api, jdbc);
        String id = awaitingConsent(api, school);
        String path = "/api/cases/" + id;
        String asParent = asParent(school.parent, school.school);
        api.get(path).auth(asParent).send().problem(404);
        assertThat(ok(api.get("/api/cases").auth(asParent).send())
                        .get("totalElements")
                        .asLong())
                .as("nor does their list show it")
                .isZero();

        // The school turns guardian consent on: from now on the parent is asked, and may say no.
        guardiansBelowGrade(api, school, 8);
        JsonNode view = ok(api.get(path).auth(asParent).send());
        String aluaParty = view.get("guardianConsents").get(0).get("partyId").asString();
        JsonNode refused = ok(api.post(path + "/consents")
                .auth(asParent)
                .json("{\"partyId\":\"%s\",\"guardian\":true,\"given\":false}".formatted(aluaParty))
                .send());
        assertThat(refused.get("status").asString()).isEqualTo("CLOSED");
        assertThat(refused.get("outcome").asString()).isEqualTo("CONSENT_REFUSED");
        assertThat(refused.get("guardianConsents").get(0).get("given").asBoolean())
                .isFalse();
    }

    private static String awaitingConsent(ServiceApi api, CaseFixture school) {
        Answer submitted = api.post("/api/cases")
                .auth(school.asTeacher())
                .json("""
                        {"description":"%s","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(CaseFixture.DESCRIPTION, school.alua, school.bekzat))
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String path = "/api/cases/" + id;
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("""
                        {"decision":"ACCEPT_FOR_PEER_MEDIATION","reason":"%s"}
                        """.formatted(CaseFixture.TRIAGE_REASON))
                .send());
        for (String mediator : List.of(school.dana, school.erlan)) {
            ok(api.post(path + "/mediators")
                    .auth(school.asCoordinator())
                    .json("{\"userId\":\"" + mediator + "\"}")
                    .send());
        }
        ok(api.post(path + "/consent-request")
                .auth(school.asMediator(school.dana))
                .send());
        return id;
    }

    private static void guardiansBelowGrade(ServiceApi api, CaseFixture school, int grade) {
        Answer current =
                api.get("/api/cases/settings").auth(school.asCoordinator()).send();
        ok(api.request(HttpMethod.PUT, "/api/cases/settings")
                .auth(school.asCoordinator())
                .header("If-Match", current.headers().getETag())
                .json("""
                        {"mediatorsPerCase":2,"guardianConsentBelowGrade":%d,"followUpDays":14,
                         "retentionDays":365,"timeZone":"Asia/Almaty"}
                        """.formatted(grade))
                .send());
    }

    private static String asParent(String userId, String school) {
        return TestJwts.user(userId).roles("parent").school(school).bearer();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
