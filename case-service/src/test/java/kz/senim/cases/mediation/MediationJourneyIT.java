package kz.senim.cases.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.MembershipFeed;
import kz.senim.cases.MovableClock;
import kz.senim.cases.audit.AuditTrail;
import kz.senim.cases.audit.domain.AuditEntry;
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
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole journey through the HTTP API against real PostgreSQL and Kafka: a request, triage,
 * the team, consents, a session, an agreement signed by all, the follow-up two weeks later and
 * closure; every event on the topic conforms to its schema and carries no text.
 */
@SenimIntegrationTest
@Import(MovableClock.Config.class)
class MediationJourneyIT {

    static final String TOPIC = "senim.cases.v1";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DESCRIPTION = "Aigerim took my seat and laughed at me twice";
    static final String NOTES = "Both want to sit by the window; agreed to take turns";
    static final String COMMITMENT = "I will ask before taking the window seat";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditTrail audit;

    @Test
    void request_to_closure_with_every_event_conforming_and_confidential_text_sealed() {
        String school = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String alua = "alua-" + UUID.randomUUID();
        String bekzat = "bekzat-" + UUID.randomUUID();
        String dana = "dana-" + UUID.randomUUID();
        String erlan = "erlan-" + UUID.randomUUID();
        String classmate = "classmate-mediator-" + UUID.randomUUID();
        String gulnar = "gulnar-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.student(school, alua, 7, "A");
            feed.student(school, bekzat, 7, "B");
            feed.certifiedMediator(school, dana, 9, "A");
            feed.certifiedMediator(school, erlan, 10, "Ә");
            feed.certifiedMediator(school, classmate, 7, "A");
            feed.person(school, gulnar, "coordinator", null, null, List.of());
        }
        ServiceApi api = ServiceApi.at(port);
        String asAlua = TestJwts.user(alua).roles("student").school(school).bearer();
        String asBekzat = TestJwts.user(bekzat).roles("student").school(school).bearer();
        String asDana =
                TestJwts.user(dana).roles("student", "mediator").school(school).bearer();
        String asCoordinator =
                TestJwts.user(gulnar).roles("coordinator").school(school).bearer();

        // A student asks for mediation; the phone retries with the same Idempotency-Key.
        String request = """
                {"urgency":"NORMAL","preferredLanguage":"kk","description":"%s","parties":[{"userId":"%s"},{"userId":"%s"}]}
                """.formatted(DESCRIPTION, alua, bekzat);
        Answer submitted = api.post("/api/cases")
                .auth(asAlua)
                .header("Idempotency-Key", "journey-1")
                .json(request)
                .send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("preferredLanguage").asString()).isEqualTo("kk");
        assertThat(submitted.headers().getLocation()).hasPath("/api/cases/" + id);
        Answer retried = api.post("/api/cases")
                .auth(asAlua)
                .header("Idempotency-Key", "journey-1")
                .json(request)
                .send();
        assertThat(retried.json().get("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from mediation_case where school_id = :s")
                        .param("s", school)
                        .query(Integer.class)
                        .single())
                .isOne();
        String path = "/api/cases/" + id;

        // Triage by a coordinator, with a reason.
        JsonNode triaged =
                ok(api.post(path + "/triage").auth(asCoordinator).json("""
                        {"decision":"ACCEPT_FOR_PEER_MEDIATION","reason":"Two classmates, no risk"}
                        """).send());
        assertThat(triaged.get("status").asString()).isEqualTo("TRIAGED");

        // Eligible mediators: certified, and never from a party's class.
        Answer eligibleAnswer =
                api.get(path + "/eligible-mediators").auth(asCoordinator).send();
        assertThat(eligibleAnswer.status()).isEqualTo(200);
        JsonNode eligible = eligibleAnswer.json();
        assertThat(eligible.valueStream().map(m -> m.get("userId").asString())).containsExactlyInAnyOrder(dana, erlan);
        Answer sameClass = api.post(path + "/mediators")
                .auth(asCoordinator)
                .json("{\"userId\":\"%s\"}".formatted(classmate))
                .send();
        assertThat(sameClass.problem(409).get("reason").asString()).isEqualTo("mediator-in-party-class");

        ok(api.post(path + "/mediators")
                .auth(asCoordinator)
                .json("{\"userId\":\"%s\"}".formatted(dana))
                .send());
        JsonNode team = ok(api.post(path + "/mediators")
                .auth(asCoordinator)
                .json("{\"userId\":\"%s\"}".formatted(erlan))
                .send());
        assertThat(team.get("status").asString()).isEqualTo("MEDIATORS_ASSIGNED");

        // Consent: the team asks, each party answers for themselves.
        JsonNode asked = ok(api.post(path + "/consent-request").auth(asDana).send());
        assertThat(asked.get("status").asString()).isEqualTo("AWAITING_CONSENT");
        String aluaParty = partyId(asked, alua);
        String bekzatParty = partyId(asked, bekzat);
        Answer forAnother = api.post(path + "/consents")
                .auth(asAlua)
                .json("{\"partyId\":\"%s\",\"given\":true}".formatted(bekzatParty))
                .send();
        assertThat(forAnother.problem(403).get("reason").asString()).isEqualTo("nobody-consents-for-another");
        ok(api.post(path + "/consents")
                .auth(asAlua)
                .json("{\"partyId\":\"%s\",\"given\":true}".formatted(aluaParty))
                .send());
        JsonNode started = ok(api.post(path + "/consents")
                .auth(asBekzat)
                .json("{\"partyId\":\"%s\",\"given\":true}".formatted(bekzatParty))
                .send());
        assertThat(started.get("status").asString()).isEqualTo("IN_MEDIATION");

        // A joint session, with confidential notes.
        JsonNode scheduled = ok(api.post(path + "/sessions")
                .auth(asDana)
                .json("""
                        {"kind":"JOINT","startsAt":"2026-12-01T15:00:00+05:00","place":"Room 204",
                         "participants":["%s","%s"]}
                        """.formatted(aluaParty, bekzatParty))
                .send());
        String session = scheduled.get("sessions").get(0).get("id").asString();
        ok(api.request(HttpMethod.PUT, path + "/sessions/" + session + "/notes")
                .auth(asDana)
                .json("{\"notes\":\"%s\"}".formatted(NOTES))
                .send());

        // The agreement: in force only when every party signed; nobody signs for another.
        ok(api.request(HttpMethod.PUT, path + "/agreement")
                .auth(asDana)
                .json("""
                        {"commitments":[{"partyId":"%s","text":"%s"},{"partyId":"%s","text":"I will not laugh at Alua"}]}
                        """.formatted(aluaParty, COMMITMENT, bekzatParty))
                .send());
        assertThat(api.post(path + "/agreement/signatures")
                        .auth(asDana)
                        .send()
                        .problem(403)
                        .get("reason")
                        .asString())
                .isEqualTo("nobody-signs-for-another");
        JsonNode half = ok(api.post(path + "/agreement/signatures").auth(asAlua).send());
        assertThat(half.get("agreement").get("inForce").asBoolean()).isFalse();
        assertThat(half.get("status").asString()).isEqualTo("IN_MEDIATION");
        JsonNode signed =
                ok(api.post(path + "/agreement/signatures").auth(asBekzat).send());
        assertThat(signed.get("status").asString()).isEqualTo("AGREEMENT_REACHED");
        assertThat(signed.get("agreement").get("inForce").asBoolean()).isTrue();
        assertThat(signed.get("followUpDate")).isNotNull();

        // Too early for the follow-up; two weeks later it is due, recorded, and the case closes.
        assertThat(api.post(path + "/follow-up")
                        .auth(asDana)
                        .json("{\"result\":\"KEPT\"}")
                        .send()
                        .problem(409)
                        .get("reason")
                        .asString())
                .isEqualTo("follow-up-not-due");
        clock.advance(Duration.ofDays(15));
        JsonNode followedUp = ok(api.post(path + "/follow-up")
                .auth(asDana)
                .json("{\"result\":\"KEPT\"}")
                .send());
        assertThat(followedUp.get("status").asString()).isEqualTo("FOLLOW_UP");
        JsonNode closed = ok(api.post(path + "/closure").auth(asDana).send());
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("AGREEMENT_KEPT");

        // Every event of the case, in order, conforming to its schema and carrying no text.
        // Every event of the journey arrives once. Their order is the outbox's promise, not this test's:
        // events of one transaction may leave in any order (reported to the platform).
        List<String> expected = List.of(
                "request-submitted",
                "request-triaged",
                "mediator-assigned",
                "mediator-assigned",
                "consent-requested",
                "consent-given",
                "consent-given",
                "session-scheduled",
                "agreement-proposed",
                "agreement-signed-by-all",
                "follow-up-due",
                "follow-up-recorded",
                "case-closed");
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            probe.await(r -> id.equals(r.key()) && type(r).endsWith("case-closed.v1"), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records =
                    probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertThat(records.stream()
                            .map(r -> type(r).replace("kz.senim.cases.", "").replace(".v1", "")))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(type(records.getFirst())).endsWith("request-submitted.v1");
            for (ConsumerRecord<String, byte[]> record : records) {
                EventContracts.assertConforms(type(record), record.value());
                String payload = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(payload)
                        .doesNotContain(DESCRIPTION)
                        .doesNotContain(NOTES)
                        .doesNotContain(COMMITMENT)
                        .doesNotContain("Two classmates")
                        .contains(school);
            }
            JsonNode submittedEvent = payload(records, "request-submitted");
            assertThat(submittedEvent.get("studentParties").asInt()).isEqualTo(2);
            assertThat(submittedEvent.get("teacherParties").asInt()
                            + submittedEvent.get("parentParties").asInt()
                            + submittedEvent.get("otherAdultParties").asInt())
                    .isZero();
            // The people to tell, by user id only: the parties, the session's participants and
            // mediators, and the submitter when the case closes.
            assertThat(payload(records, "consent-requested")
                            .get("partyUserIds")
                            .valueStream()
                            .map(JsonNode::asString))
                    .containsExactlyInAnyOrder(alua, bekzat);
            JsonNode sessionEvent = payload(records, "session-scheduled");
            assertThat(sessionEvent.get("participantUserIds").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder(alua, bekzat);
            assertThat(sessionEvent.get("mediatorIds").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder(dana, erlan);
            assertThat(payload(records, "agreement-proposed")
                            .get("partyUserIds")
                            .valueStream()
                            .map(JsonNode::asString))
                    .containsExactlyInAnyOrder(alua, bekzat);
            assertThat(payload(records, "case-closed").get("submitterId").asString())
                    .isEqualTo(alua);
        }

        // At rest the confidential text is ciphertext with its key id.
        var raw = jdbc.sql("""
                        select description, triage_reason, sessions::text as sessions, agreement::text as agreement
                        from mediation_case where id = cast(:id as uuid)
                        """)
                .param("id", id)
                .query((rs, n) -> List.of(
                        rs.getString("description"),
                        rs.getString("triage_reason"),
                        rs.getString("sessions"),
                        rs.getString("agreement")))
                .single();
        assertThat(raw.get(0)).startsWith("senim:v1:local-dev-1:").doesNotContain("seat");
        assertThat(raw.get(1)).startsWith("senim:v1:").doesNotContain("classmates");
        assertThat(raw.get(2)).contains("senim:v1:").doesNotContain("window");
        assertThat(raw.get(3)).contains("senim:v1:").doesNotContain("window seat");

        // The audit trail holds every change and the reads of confidential content.
        List<AuditEntry> trail = audit.about(school, "CASE", id);
        assertThat(trail).extracting(AuditEntry::action).contains(AuditEntry.Action.CHANGE);
        JsonNode coordinatorView = ok(api.get(path).auth(asCoordinator).send());
        assertThat(coordinatorView.get("description").asString()).isEqualTo(DESCRIPTION);
        assertThat(coordinatorView.get("sessions").get(0).get("notes").asString())
                .isEqualTo(NOTES);
        assertThat(audit.about(school, "CASE", id))
                .filteredOn(e -> e.action() == AuditEntry.Action.READ_CONFIDENTIAL)
                .extracting(AuditEntry::actorId)
                .contains(gulnar);
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().getETag()).isNotBlank();
        return answer.json();
    }

    private static String partyId(JsonNode view, String userId) {
        return view.get("parties")
                .valueStream()
                .filter(p -> userId.equals(p.path("userId").asString()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static JsonNode payload(List<ConsumerRecord<String, byte[]>> records, String event) {
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> type(r).equals("kz.senim.cases." + event + ".v1"))
                .findFirst()
                .orElseThrow();
        return JSON.readTree(record.value());
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
