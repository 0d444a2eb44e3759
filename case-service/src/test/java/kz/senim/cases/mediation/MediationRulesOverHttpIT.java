package kz.senim.cases.mediation;

import static kz.senim.cases.mediation.CaseFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.senim.cases.MembershipFeed;
import kz.senim.cases.mediation.CaseFixture.Case;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceApi.Answer;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The principles as the API enforces them, with the events they cause. */
@SenimIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediationRulesOverHttpIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CaseFixture school;
    ServiceApi api;

    @BeforeAll
    void aSchool() {
        api = ServiceApi.at(port);
        school = new CaseFixture(api, jdbc);
    }

    @Test
    void a_party_withdraws_during_mediation_without_blame_and_the_case_is_over() {
        Case c = school.inMediation();

        JsonNode withdrawn = ok(api.post(c.path() + "/withdrawal")
                .auth(school.asStudent(school.bekzat))
                .send());

        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(api.post(c.path() + "/no-agreement")
                        .auth(school.asMediator(school.dana))
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("case-not-open");
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> c.id().equals(r.key()) && type(r).endsWith("party-withdrew.v1"), Duration.ofSeconds(30));
            EventContracts.assertConforms(type(record), record.value());
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain(school.bekzat)
                    .doesNotContain(c.bekzatParty())
                    .contains("\"fromStatus\":\"IN_MEDIATION\"");
        }
    }

    @Test
    void a_cancelled_session_and_a_closed_case_name_whom_to_tell_by_user_id_only() {
        Case c = school.inMediation();

        ok(api.post(c.path() + "/sessions/" + c.session() + "/cancellation")
                .auth(school.asMediator(school.dana))
                .send());
        ok(api.post(c.path() + "/withdrawal")
                .auth(school.asStudent(school.bekzat))
                .send());

        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> cancelled = probe.await(
                    r -> c.id().equals(r.key()) && type(r).endsWith("session-cancelled.v1"), Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> closed = probe.await(
                    r -> c.id().equals(r.key()) && type(r).endsWith("case-closed.v1"), Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : List.of(cancelled, closed)) {
                EventContracts.assertConforms(type(record), record.value());
                String payload = new String(record.value(), StandardCharsets.UTF_8);
                CaseFixture.CONFIDENTIAL.forEach(text -> assertThat(payload).doesNotContain(text));
            }
            String session = new String(cancelled.value(), StandardCharsets.UTF_8);
            assertThat(session)
                    .contains("\"participantUserIds\":[\"" + school.alua + "\"]")
                    .contains(school.dana)
                    .contains(school.erlan)
                    .doesNotContain(school.bekzat);
            // The teacher who referred the case online is told its status.
            assertThat(new String(closed.value(), StandardCharsets.UTF_8))
                    .contains("\"submitterId\":\"" + school.teacher + "\"");
        }
    }

    @Test
    void a_party_who_withdraws_is_not_reminded_of_the_sessions_to_come_which_are_cancelled() {
        Case c = school.inMediation();
        String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(5))
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        JsonNode scheduled = ok(api.post(c.path() + "/sessions")
                .auth(school.asMediator(school.dana))
                .json("""
                        {"kind":"JOINT","startsAt":"%s","place":"Room 204","participants":["%s","%s"]}
                        """.formatted(tomorrow, c.aluaParty(), c.bekzatParty()))
                .send());
        String toCome = scheduled
                .get("sessions")
                .valueStream()
                .filter(s -> !s.get("id").asString().equals(c.session()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        ok(api.post(c.path() + "/withdrawal")
                .auth(school.asStudent(school.bekzat))
                .send());

        JsonNode seen = ok(api.get(c.path()).auth(school.asCoordinator()).send());
        assertThat(seen.get("sessions").valueStream())
                .as("the session still to come is cancelled, the one already held is not")
                .allSatisfy(s -> assertThat(s.get("cancelled").asBoolean())
                        .isEqualTo(s.get("id").asString().equals(toCome)));
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> cancelled = probe.await(
                    r -> c.id().equals(r.key())
                            && type(r).endsWith("session-cancelled.v1")
                            && new String(r.value(), StandardCharsets.UTF_8).contains(toCome),
                    Duration.ofSeconds(30));
            EventContracts.assertConforms(type(cancelled), cancelled.value());
            assertThat(new String(cancelled.value(), StandardCharsets.UTF_8))
                    .contains(school.alua, school.bekzat, school.dana, school.erlan);
        }
    }

    @Test
    void a_partys_objection_takes_the_mediator_off_and_out_of_sight() {
        Case c = school.inMediation();
        assertThat(api.get(c.path())
                        .auth(school.asMediator(school.erlan))
                        .send()
                        .status())
                .isEqualTo(200);

        JsonNode objected = ok(api.post(c.path() + "/objections")
                .auth(school.asStudent(school.alua))
                .json("{\"mediatorId\":\"" + school.erlan + "\"}")
                .send());

        assertThat(objected.get("status").asString()).isEqualTo("TRIAGED");
        api.get(c.path()).auth(school.asMediator(school.erlan)).send().problem(404);
        assertThat(api.post(c.path() + "/mediators")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.erlan + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("mediator-objected-by-party");
    }

    @Test
    void a_mediator_who_left_the_school_is_taken_off_the_open_case() {
        Case c = school.inMediation();

        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.send("person-removed", school.school, school.erlan, "\"userId\":\"" + school.erlan + "\"");
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !ok(api.get(c.path()).auth(school.asCoordinator()).send())
                        .get("status")
                        .asString()
                        .equals("IN_MEDIATION"));
        JsonNode view = ok(api.get(c.path()).auth(school.asCoordinator()).send());
        assertThat(view.get("status").asString()).isEqualTo("TRIAGED");
        assertThat(view.toString()).doesNotContain(school.erlan);
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> c.id().equals(r.key())
                            && type(r).endsWith("mediator-unassigned.v1")
                            && new String(r.value(), StandardCharsets.UTF_8).contains(school.erlan),
                    Duration.ofSeconds(60));
            EventContracts.assertConforms(type(record), record.value());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"LEFT_SCHOOL\"");
        }
    }

    @Test
    void an_escalated_case_never_reaches_young_mediators() {
        Case c = school.inMediation();

        JsonNode escalated = ok(api.post(c.path() + "/escalation")
                .auth(school.asCoordinator())
                .json("{\"reason\":\"violence came up\"}")
                .send());

        assertThat(escalated.get("mediators")).isEmpty();
        assertThat(escalated.get("triage").get("escalated").asBoolean()).isTrue();
        api.get(c.path()).auth(school.asMediator(school.dana)).send().problem(404);
        Answer eligible = api.get(c.path() + "/eligible-mediators")
                .auth(school.asCoordinator())
                .send();
        assertThat(eligible.json().valueStream().map(m -> m.get("userId").asString()))
                .containsExactly(school.coordinator);
        assertThat(api.post(c.path() + "/mediators")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.spareMediator + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("peer-mediation-not-allowed");
        ok(api.post(c.path() + "/mediators")
                .auth(school.asCoordinator())
                .json("{\"userId\":\"" + school.coordinator + "\"}")
                .send());
    }

    @Test
    void a_conflict_with_a_teacher_is_never_peer_mediated() {
        Answer submitted = api.post("/api/cases")
                .auth(school.asStudent(school.alua))
                .json("""
                        {"description":"My teacher","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(school.alua, school.teacher))
                .send();
        String path = "/api/cases/" + submitted.json().get("id").asString();

        assertThat(api.post(path + "/triage")
                        .auth(school.asCoordinator())
                        .json("{\"decision\":\"ACCEPT_FOR_PEER_MEDIATION\",\"reason\":\"r\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("peer-mediation-not-allowed");
        ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ACCEPT_FOR_COORDINATOR_MEDIATION\",\"reason\":\"r\"}")
                .send());
        assertThat(api.post(path + "/mediators")
                        .auth(school.asCoordinator())
                        .json("{\"userId\":\"" + school.dana + "\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("peer-mediation-not-allowed");
    }

    @Test
    void only_a_coordinator_records_a_request_received_in_person() {
        String body = """
                {"channel":"IN_PERSON","description":"Told in the office","parties":[{"userId":"%s"},{"name":"A boy from 6B","grade":6}]}
                """.formatted(school.bekzat);

        api.post("/api/cases")
                .auth(school.asStudent(school.alua))
                .json(body)
                .send()
                .problem(403);
        Answer recorded =
                api.post("/api/cases").auth(school.asCoordinator()).json(body).send();

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("channel").asString()).isEqualTo("IN_PERSON");
        assertThat(recorded.json()
                        .get("parties")
                        .valueStream()
                        .map(p -> p.path("name").asString("")))
                .contains("A boy from 6B");
        assertThat(jdbc.sql("select parties::text from mediation_case where id = cast(:id as uuid)")
                        .param("id", recorded.json().get("id").asString())
                        .query(String.class)
                        .single())
                .doesNotContain("A boy from 6B");
    }

    @Test
    void a_request_routed_to_consultation_continues_as_a_consultation_of_its_submitter() {
        Answer submitted = api.post("/api/cases")
                .auth(school.asStudent(school.alua))
                .json("""
                        {"description":"I do not know how to talk to him","parties":[{"userId":"%s"},{"userId":"%s"}]}
                        """.formatted(school.alua, school.bekzat))
                .send();
        String path = "/api/cases/" + submitted.json().get("id").asString();

        JsonNode routed = ok(api.post(path + "/triage")
                .auth(school.asCoordinator())
                .json("{\"decision\":\"ROUTE_TO_CONSULTATION\",\"reason\":\"advice first\"}")
                .send());

        assertThat(routed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(routed.get("outcome").asString()).isEqualTo("ROUTED_TO_CONSULTATION");
        JsonNode mine = api.get("/api/consultations")
                .auth(school.asStudent(school.alua))
                .send()
                .json();
        String consultation = mine.get("content").get(0).get("id").asString();
        JsonNode read = api.get("/api/consultations/" + consultation)
                .auth(school.asStudent(school.alua))
                .send()
                .json();
        assertThat(read.get("question").asString()).isEqualTo("I do not know how to talk to him");
        assertThat(read.get("kind").asString()).isEqualTo("CONSULTATION");
        api.get("/api/consultations/" + consultation)
                .auth(school.asStudent(school.bekzat))
                .send()
                .problem(404);
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        Case c = school.inMediation();
        Answer current = api.get(c.path()).auth(school.asCoordinator()).send();
        String etag = current.headers().getETag();

        Answer stale = api.post(c.path() + "/no-agreement")
                .auth(school.asMediator(school.dana))
                .header("If-Match", "\"0\"")
                .send();
        stale.problem(412);
        assertThat(api.get(c.path())
                        .auth(school.asCoordinator())
                        .send()
                        .headers()
                        .getETag())
                .isEqualTo(etag);

        Answer fresh = api.post(c.path() + "/no-agreement")
                .auth(school.asMediator(school.dana))
                .header("If-Match", etag)
                .send();
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.headers().getETag()).isNotEqualTo(etag);
    }

    @Test
    void a_referrer_follows_the_status_of_what_they_submitted_and_nothing_more() {
        Case c = school.inMediation();

        Answer list = api.get("/api/cases?status=IN_MEDIATION")
                .auth(school.asTeacher())
                .send();
        Answer one = api.get(c.path()).auth(school.asTeacher()).send();

        assertThat(list.json().get("content").valueStream().map(x -> x.get("id").asString()))
                .contains(c.id());
        assertThat(one.json().get("status").asString()).isEqualTo("IN_MEDIATION");
        assertThat(List.of("description", "parties", "sessions", "agreement", "triage"))
                .allSatisfy(field -> assertThat(one.json().has(field)).as(field).isFalse());
    }

    @Test
    void a_list_line_says_who_asked_and_between_how_many_to_the_coordinator_and_the_asker_only() {
        Case c = school.inMediation();

        JsonNode coordinators = line(c, school.asCoordinator());
        JsonNode teachers = line(c, school.asTeacher());
        JsonNode partys = line(c, school.asStudent(school.alua));
        JsonNode mediators = line(c, school.asMediator(school.dana));

        assertThat(coordinators.get("askedBy").asString()).isEqualTo("TEACHER");
        assertThat(coordinators.get("partyCount").asInt()).isEqualTo(2);
        assertThat(teachers.get("askedBy").asString()).isEqualTo("TEACHER");
        assertThat(teachers.get("partyCount").asInt()).isEqualTo(2);
        for (JsonNode other : List.of(partys, mediators)) {
            assertThat(other.path("askedBy").isNull() || other.path("askedBy").isMissingNode())
                    .as(other.toString())
                    .isTrue();
            assertThat(other.path("partyCount").isNull()
                            || other.path("partyCount").isMissingNode())
                    .as(other.toString())
                    .isTrue();
        }
    }

    @Test
    void a_list_line_gives_the_next_session_to_whoever_would_see_it_on_the_case() {
        Case c = school.inMediation();
        OffsetDateTime next =
                OffsetDateTime.now(ZoneOffset.ofHours(5)).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        ok(api.post(c.path() + "/sessions")
                .auth(school.asMediator(school.dana))
                .json("""
                        {"kind":"INDIVIDUAL","startsAt":"%s","place":"Room 214","participants":["%s"]}
                        """.formatted(next, c.aluaParty()))
                .send());

        for (String seesIt :
                List.of(school.asCoordinator(), school.asMediator(school.dana), school.asStudent(school.alua))) {
            JsonNode session = line(c, seesIt).path("nextSession");
            assertThat(OffsetDateTime.parse(session.get("startsAt").asString()).toInstant())
                    .isEqualTo(next.toInstant());
            assertThat(session.get("place").asString()).isEqualTo("Room 214");
        }
        for (String doesNot : List.of(school.asStudent(school.bekzat), school.asTeacher())) {
            JsonNode session = line(c, doesNot).path("nextSession");
            assertThat(session.isNull() || session.isMissingNode())
                    .as("a party not taking part, and a referrer, see no session")
                    .isTrue();
        }
    }

    private JsonNode line(Case c, String bearer) {
        return api.get("/api/cases?status=IN_MEDIATION&size=100")
                .auth(bearer)
                .send()
                .json()
                .get("content")
                .valueStream()
                .filter(x -> x.get("id").asString().equals(c.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void coordinators_filter_their_list_by_kind_and_every_case_here_is_a_mediation() {
        Case c = school.inMediation();

        JsonNode mediations = api.get("/api/cases?kind=MEDIATION&status=IN_MEDIATION&size=100")
                .auth(school.asCoordinator())
                .send()
                .json();
        long all = api.get("/api/cases?status=IN_MEDIATION&size=100")
                .auth(school.asCoordinator())
                .send()
                .json()
                .get("totalElements")
                .asLong();

        assertThat(mediations.get("content").valueStream().map(x -> x.get("id").asString()))
                .contains(c.id());
        assertThat(mediations
                        .get("content")
                        .valueStream()
                        .map(x -> x.get("kind").asString()))
                .containsOnly("MEDIATION");
        assertThat(mediations.get("totalElements").asLong()).isEqualTo(all);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
