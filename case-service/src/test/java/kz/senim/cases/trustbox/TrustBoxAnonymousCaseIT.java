package kz.senim.cases.trustbox;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Opening an anonymous case from a trust-box conversation over real HTTP, PostgreSQL and Kafka:
 * proposed by a coordinator, agreed by the sender with their receipt, then opened, with no
 * submitter and nothing that identifies the sender.
 */
@SenimIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TrustBoxAnonymousCaseIT {

    static final String USER_AGENT = "DistinctiveBrowser/9.9 (anonymous-case-test-" + UUID.randomUUID() + ")";
    static final String FORWARDED_FOR = "203.0.113.79";
    static final String MESSAGE = "MARKER-ANONYMOUS-CASE two girls in my class spread rumours about me";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    String school;
    String coordinator;
    String receipt;
    String thread;

    @BeforeEach
    void aConversation() {
        api = ServiceApi.at(port);
        school = "box-" + UUID.randomUUID().toString().substring(0, 8);
        try (MembershipFeed membership = new MembershipFeed(jdbc)) {
            membership.school(school);
        }
        coordinator = TestJwts.user().roles("coordinator").school(school).bearer();
        receipt = sender("/messages", "{\"text\":\"%s\"}".formatted(MESSAGE))
                .json()
                .get("receipt")
                .asString();
        thread = api.get("/api/trust-box/threads")
                .auth(coordinator)
                .send()
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asString();
    }

    Answer sender(String path, String body) {
        return api.post("/api/trust-box/schools/" + school + path)
                .header("User-Agent", USER_AGENT)
                .header("X-Forwarded-For", FORWARDED_FOR)
                .json(body)
                .send();
    }

    Answer coordinator(String path, String body) {
        var call = api.post("/api/trust-box/threads/" + thread + path).auth(coordinator);
        return (body == null ? call : call.json(body)).send();
    }

    String reason(Answer answer) {
        return answer.problem(409).get("reason").asString();
    }

    @Test
    void a_case_is_opened_only_after_the_sender_agreed_and_stays_anonymous(CapturedOutput output) {
        assertThat(reason(coordinator("/case", "{\"urgency\":\"HIGH\"}"))).isEqualTo("no-case-proposed");
        Answer proposed = coordinator("/case-proposal", null);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().get("caseProposal").get("status").asString()).isEqualTo("PROPOSED");
        assertThat(reason(coordinator("/case", "{\"urgency\":\"HIGH\"}"))).isEqualTo("sender-has-not-agreed");

        JsonNode seen = sender("/conversation", "{\"receipt\":\"%s\"}".formatted(receipt))
                .json();
        assertThat(seen.get("caseProposal").asString()).isEqualTo("PROPOSED");
        Answer agreed =
                sender("/conversation/case-proposal-answer", "{\"receipt\":\"%s\",\"agreed\":true}".formatted(receipt));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        assertThat(agreed.json().get("caseProposal").asString()).isEqualTo("AGREED");
        assertThat(agreed.body()).doesNotContain("caseId");

        String otherSchool =
                TestJwts.user().roles("coordinator").school("demo-school-2").bearer();
        api.post("/api/trust-box/threads/" + thread + "/case")
                .auth(otherSchool)
                .json("{\"urgency\":\"HIGH\"}")
                .send()
                .problem(404);
        api.post("/api/trust-box/threads/" + thread + "/case-proposal")
                .auth(otherSchool)
                .send()
                .problem(404);

        Answer opened = coordinator("/case", "{\"urgency\":\"HIGH\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().get("caseProposal").get("caseId").asString();
        assertThat(opened.headers().getLocation()).hasToString("/api/cases/" + caseId);
        assertThat(reason(coordinator("/case", "{\"urgency\":\"HIGH\"}"))).isEqualTo("case-already-opened");

        JsonNode theCase =
                api.get("/api/cases/" + caseId).auth(coordinator).send().json();
        assertThat(theCase.get("kind").asString()).isEqualTo("MEDIATION");
        assertThat(theCase.get("channel").asString()).isEqualTo("TRUST_BOX");
        assertThat(theCase.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(theCase.get("description").asString()).contains(MESSAGE);
        api.get("/api/cases/" + caseId).auth(otherSchool).send().problem(404);

        // No submitter; the text sealed at rest; nothing anywhere that identifies the sender.
        assertThat(jdbc.sql("select submitted_by from mediation_case where id = cast(:id as uuid)")
                        .param("id", caseId)
                        .query((rs, n) -> String.valueOf(rs.getString(1)))
                        .single())
                .isEqualTo("null");
        assertThat(jdbc.sql("select description from mediation_case where id = cast(:id as uuid)")
                        .param("id", caseId)
                        .query(String.class)
                        .single())
                .startsWith("senim:v1:")
                .doesNotContain("rumours");
        assertThat(jdbc.sql("select case_id from trust_box_thread where id = cast(:id as uuid)")
                        .param("id", thread)
                        .query(String.class)
                        .single())
                .isEqualTo(caseId);
        assertNothingIdentifiesTheSender(output);

        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            probe.await(
                    r -> thread.equals(r.key()) && "kz.senim.cases.trust-box-case-opened.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> submitted = probe.await(
                    r -> caseId.equals(r.key()) && "kz.senim.cases.request-submitted.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> thread.equals(r.key()), Duration.ZERO);
            assertThat(records.stream().map(TrustBoxAnonymousCaseIT::type))
                    .contains(
                            "kz.senim.cases.trust-box-case-proposed.v1",
                            "kz.senim.cases.trust-box-case-proposal-answered.v1",
                            "kz.senim.cases.trust-box-case-opened.v1");
            assertThat(new String(submitted.value(), StandardCharsets.UTF_8)).contains("\"channel\":\"TRUST_BOX\"");
            for (ConsumerRecord<String, byte[]> record : concat(records, submitted)) {
                EventContracts.assertConforms(type(record), record.value());
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("rumours");
            }
        }
    }

    @Test
    void a_declined_proposal_opens_nothing() {
        coordinator("/case-proposal", null);
        assertThat(sender(
                                "/conversation/case-proposal-answer",
                                "{\"receipt\":\"%s\",\"agreed\":false}".formatted(receipt))
                        .json()
                        .get("caseProposal")
                        .asString())
                .isEqualTo("DECLINED");

        assertThat(reason(coordinator("/case", "{\"urgency\":\"NORMAL\"}"))).isEqualTo("sender-declined");
        assertThat(reason(sender(
                        "/conversation/case-proposal-answer",
                        "{\"receipt\":\"%s\",\"agreed\":true}".formatted(receipt))))
                .isEqualTo("no-case-proposal-to-answer");
        assertThat(jdbc.sql("select count(*) from mediation_case where school_id = :s")
                        .param("s", school)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void bad_answers_and_bad_requests_are_400_and_strangers_are_kept_out() {
        assertThat(sender("/conversation/case-proposal-answer", "{\"receipt\":\"%s\"}".formatted(receipt))
                        .problem(400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("agreed");
        sender("/conversation/case-proposal-answer", "{\"receipt\":\"%s\",\"agreed\":\"perhaps\"}".formatted(receipt))
                .problem(400);
        coordinator("/case", "{\"urgency\":\"WHENEVER\"}").problem(400);
        coordinator("/case", "{}").problem(400);
        api.post("/api/trust-box/threads/" + thread + "/case-proposal")
                .auth(TestJwts.user()
                        .roles("mediator", "student")
                        .school(school)
                        .bearer())
                .send()
                .problem(403);
        api.post("/api/trust-box/threads/" + thread + "/case-proposal").send().problem(401);
        sender(
                        "/conversation/case-proposal-answer",
                        "{\"receipt\":\"%s\",\"agreed\":true}"
                                .formatted(
                                        kz.senim.cases.trustbox.domain.Receipt.random(new java.security.SecureRandom())
                                                .code()))
                .problem(404);
    }

    void assertNothingIdentifiesTheSender(CapturedOutput output) {
        List<String> queries = jdbc.sql("""
                        select t.table_name, c.column_name from information_schema.columns c
                        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                        """)
                .query((rs, n) -> "select count(*) from " + rs.getString(1) + " where cast(" + rs.getString(2)
                        + " as text) like :needle")
                .list();
        for (String needle : List.of(USER_AGENT, FORWARDED_FOR, "127.0.0.1", receipt)) {
            for (String query : queries) {
                assertThat(jdbc.sql(query)
                                .param("needle", "%" + needle + "%")
                                .query(Integer.class)
                                .single())
                        .as("%s in %s", needle, query)
                        .isZero();
            }
            assertThat(output.getAll()).doesNotContain(needle);
        }
        assertThat(output.getAll()).doesNotContain(MESSAGE);
    }

    static List<ConsumerRecord<String, byte[]>> concat(
            List<ConsumerRecord<String, byte[]>> some, ConsumerRecord<String, byte[]> one) {
        List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>(some);
        all.add(one);
        return all;
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
