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
 * A coordinator flags a concern for a trust-box sender's safety, over real HTTP, PostgreSQL and
 * Kafka: recorded, audited, seen by the school's coordinators only, announced without text.
 */
@SenimIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TrustBoxSafetyConcernIT {

    static final String USER_AGENT = "DistinctiveBrowser/9.9 (safety-concern-test-" + UUID.randomUUID() + ")";
    static final String FORWARDED_FOR = "203.0.113.78";
    static final String MESSAGE = "MARKER-SAFETY an older boy threatens me after school";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    String school;
    String coordinator;
    String coordinatorId;

    @BeforeEach
    void aSchool() {
        api = ServiceApi.at(port);
        school = "box-" + UUID.randomUUID().toString().substring(0, 8);
        try (MembershipFeed membership = new MembershipFeed(jdbc)) {
            membership.school(school);
        }
        coordinatorId = UUID.randomUUID().toString();
        coordinator =
                TestJwts.user(coordinatorId).roles("coordinator").school(school).bearer();
    }

    @Test
    void a_flag_is_recorded_audited_shown_to_coordinators_and_announced_without_text(CapturedOutput output) {
        Answer dropped = api.post("/api/trust-box/schools/" + school + "/messages")
                .header("User-Agent", USER_AGENT)
                .header("X-Forwarded-For", FORWARDED_FOR)
                .json("{\"text\":\"%s\"}".formatted(MESSAGE))
                .send();
        String receipt = dropped.json().get("receipt").asString();
        String thread = threadOf(coordinator);

        Answer flagged = api.post("/api/trust-box/threads/" + thread + "/safety-concerns")
                .auth(coordinator)
                .send();

        assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);
        JsonNode concerns = api.get("/api/trust-box/threads/" + thread)
                .auth(TestJwts.user().roles("coordinator").school(school).bearer())
                .send()
                .json()
                .get("safetyConcerns");
        assertThat(concerns).hasSize(1);
        assertThat(concerns.get(0).get("coordinatorId").asString()).isEqualTo(coordinatorId);
        assertThat(concerns.get(0).get("flaggedAt").asString()).isNotBlank();
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry
                        where school_id = :s and actor_id = :a and action = 'CHANGE' and subject_id = :t
                        """)
                        .param("s", school)
                        .param("a", coordinatorId)
                        .param("t", thread)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The sender does not see the flag, and nothing identifies them anywhere.
        JsonNode conversation = api.post("/api/trust-box/schools/" + school + "/conversation")
                .json("{\"receipt\":\"%s\"}".formatted(receipt))
                .send()
                .json();
        assertThat(conversation.toString()).doesNotContain("safety").doesNotContain(coordinatorId);
        assertNothingIdentifiesTheSender(output, receipt);

        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> thread.equals(r.key()) && "kz.senim.cases.trust-box-safety-concern-flagged.v1".equals(type(r)),
                    Duration.ofSeconds(30));
            EventContracts.assertConforms(type(record), record.value());
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains(thread, school)
                    .doesNotContain("older boy")
                    .doesNotContain(coordinatorId);
        }
    }

    @Test
    void another_schools_coordinator_flags_nothing_and_others_may_not() {
        api.post("/api/trust-box/schools/" + school + "/messages")
                .json("{\"text\":\"hello\"}")
                .send();
        String thread = threadOf(coordinator);

        api.post("/api/trust-box/threads/" + thread + "/safety-concerns")
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-school-2")
                        .bearer())
                .send()
                .problem(404);
        api.post("/api/trust-box/threads/" + UUID.randomUUID() + "/safety-concerns")
                .auth(coordinator)
                .send()
                .problem(404);
        api.post("/api/trust-box/threads/" + thread + "/safety-concerns")
                .auth(TestJwts.user()
                        .roles("mediator", "student")
                        .school(school)
                        .bearer())
                .send()
                .problem(403);
        api.post("/api/trust-box/threads/" + thread + "/safety-concerns").send().problem(401);
        assertThat(jdbc.sql("select count(*) from trust_box_safety_concern where thread_id = cast(:t as uuid)")
                        .param("t", thread)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    String threadOf(String coordinator) {
        return api.get("/api/trust-box/threads")
                .auth(coordinator)
                .send()
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asString();
    }

    void assertNothingIdentifiesTheSender(CapturedOutput output, String receipt) {
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

    static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
