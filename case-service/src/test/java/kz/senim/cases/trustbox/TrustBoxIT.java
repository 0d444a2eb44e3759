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
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The anonymous trust box over real HTTP, PostgreSQL and Kafka: a two-way conversation held with
 * nothing but a receipt, nothing stored or logged that identifies the sender, and guessing throttled.
 */
@SenimIntegrationTest(properties = "senim.cases.trust-box.failed-lookups-per-minute=5")
@ExtendWith(OutputCaptureExtension.class)
class TrustBoxIT {

    static final String USER_AGENT = "DistinctiveBrowser/9.9 (trust-box-test-" + UUID.randomUUID() + ")";
    static final String FORWARDED_FOR = "203.0.113.77";
    static final String MESSAGE = "MARKER-TRUST-BOX someone takes my lunch every day";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    String school;

    @BeforeEach
    void aSchool() {
        api = ServiceApi.at(port);
        school = "box-" + UUID.randomUUID().toString().substring(0, 8);
        try (MembershipFeed membership = new MembershipFeed(jdbc)) {
            membership.school(school);
        }
    }

    Answer send(String path, String body) {
        return api.post("/api/trust-box/schools/" + school + path)
                .header("User-Agent", USER_AGENT)
                .header("X-Forwarded-For", FORWARDED_FOR)
                .header("Cookie", "tracking=" + USER_AGENT.hashCode())
                .json(body)
                .send();
    }

    @Test
    void an_anonymous_two_way_conversation_held_with_a_receipt_only(CapturedOutput output) {
        Answer dropped = send("/messages", "{\"text\":\"%s\"}".formatted(MESSAGE));
        assertThat(dropped.status()).as(dropped.body()).isEqualTo(201);
        assertThat(dropped.headers().getCacheControl()).contains("no-store");
        assertThat(dropped.headers().get("Set-Cookie")).isNull();
        String receipt = dropped.json().get("receipt").asString();
        assertThat(receipt).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");

        String coordinator = TestJwts.user().roles("coordinator").school(school).bearer();
        JsonNode threads =
                api.get("/api/trust-box/threads").auth(coordinator).send().json();
        assertThat(threads.get("content")).hasSize(1);
        assertThat(threads.toString()).doesNotContain(MESSAGE);
        String thread = threads.get("content").get(0).get("id").asString();
        JsonNode read = api.get("/api/trust-box/threads/" + thread)
                .auth(coordinator)
                .send()
                .json();
        assertThat(read.get("messages").get(0).get("text").asString()).isEqualTo(MESSAGE);
        Answer answered = api.post("/api/trust-box/threads/" + thread + "/replies")
                .auth(coordinator)
                .json("{\"text\":\"Thank you for writing. Can you tell us which class?\"}")
                .send();
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode conversation = send("/conversation", "{\"receipt\":\"%s\"}".formatted(receipt.toLowerCase()))
                .json();
        assertThat(conversation
                        .get("messages")
                        .valueStream()
                        .map(m -> m.get("author").asString()))
                .containsExactly("SENDER", "COORDINATOR");
        Answer wroteBack = send("/conversation/messages", "{\"receipt\":\"%s\",\"text\":\"7B\"}".formatted(receipt));
        assertThat(wroteBack.json().get("messages")).hasSize(3);

        // Nothing identifies the sender: not in any row of any table, not in the log.
        List<String> rows = jdbc.sql("""
                        select t.table_name, c.column_name from information_schema.columns c
                        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                        """)
                .query((rs, n) -> "select count(*) from " + rs.getString(1) + " where cast(" + rs.getString(2)
                        + " as text) like :needle")
                .list();
        for (String needle : List.of(USER_AGENT, FORWARDED_FOR, "127.0.0.1", receipt, "tracking=")) {
            for (String query : rows) {
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

        // The text is sealed at rest.
        assertThat(jdbc.sql("select text from trust_box_message where thread_id = cast(:id as uuid)")
                        .param("id", thread)
                        .query(String.class)
                        .list())
                .hasSize(3)
                .allSatisfy(text -> assertThat(text).startsWith("senim:v1:").doesNotContain("lunch"));

        // The events say that something was written, never what or by whom.
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            probe.await(
                    r -> thread.equals(r.key())
                            && new String(r.value(), StandardCharsets.UTF_8).contains("\"firstMessage\":false"),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> thread.equals(r.key()), Duration.ZERO);
            assertThat(records.stream().map(TrustBoxIT::type))
                    .containsExactlyInAnyOrder(
                            "kz.senim.cases.trust-box-message-received.v1",
                            "kz.senim.cases.trust-box-message-answered.v1",
                            "kz.senim.cases.trust-box-message-received.v1");
            records.forEach(r -> {
                EventContracts.assertConforms(type(r), r.value());
                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain("lunch")
                        .doesNotContain("7B");
            });
        }
    }

    @Test
    void a_token_sent_to_the_trust_box_is_ignored_not_even_decoded() {
        Answer withForgedToken = api.post("/api/trust-box/schools/" + school + "/messages")
                .auth("Bearer " + TestJwts.forgedToken())
                .json("{\"text\":\"hello\"}")
                .send();

        assertThat(withForgedToken.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from audit_entry where school_id = :s and actor_id is not null")
                        .param("s", school)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_school_that_does_not_exist_has_no_trust_box() {
        String madeUp = "made-up-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode problem = api.post("/api/trust-box/schools/" + madeUp + "/messages")
                .json("{\"text\":\"hello\"}")
                .send()
                .problem(404);

        assertThat(problem.has("receipt")).isFalse();
        assertThat(jdbc.sql("select count(*) from trust_box_thread where school_id = :s")
                        .param("s", madeUp)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_message_that_is_not_json_is_refused_naming_the_body() {
        JsonNode problem = send("/messages", "hello, not JSON").problem(400);

        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/validation");
        assertThat(problem.get("title").asString()).isEqualTo("Unreadable request");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem.get("instance").asString()).endsWith("/messages");
    }

    @Test
    void guessing_receipts_is_throttled_even_for_the_right_one() {
        String receipt =
                send("/messages", "{\"text\":\"hello\"}").json().get("receipt").asString();

        for (int i = 0; i < 5; i++) {
            send("/conversation", "{\"receipt\":\"%s\"}".formatted(guess())).problem(404);
        }

        ServiceApi.Answer throttled = send("/conversation", "{\"receipt\":\"%s\"}".formatted(guess()));
        var problem = throttled.problem(429);
        assertThat(problem.get("type").asString()).isEqualTo("https://senim.kz/problems/too-many-requests");
        assertThat(problem.get("title").asString()).isEqualTo("Too many wrong receipts");
        assertThat(Integer.parseInt(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1, 60);
        assertThat(problem.get("detail").asString())
                .contains(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER) + " second");
        assertThat(problem.get("instance").asString()).endsWith("/conversation");
        assertThat(problem.get("requestId").asString())
                .isEqualTo(throttled.headers().getFirst("X-Request-Id"));
        send("/conversation", "{\"receipt\":\"%s\"}".formatted(receipt)).problem(429);
        assertThat(api.post("/api/trust-box/schools/other-" + school + "/conversation")
                        .json("{\"receipt\":\"%s\"}".formatted(guess()))
                        .send()
                        .status())
                .as("another school is not throttled by this one's guesses")
                .isEqualTo(404);
    }

    @Test
    void coordinators_of_another_school_and_everyone_else_see_no_conversation() {
        send("/messages", "{\"text\":\"hello\"}");
        String thread = api.get("/api/trust-box/threads")
                .auth(TestJwts.user().roles("coordinator").school(school).bearer())
                .send()
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asString();

        api.get("/api/trust-box/threads/" + thread)
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-school-2")
                        .bearer())
                .send()
                .problem(404);
        api.get("/api/trust-box/threads/" + thread)
                .auth(TestJwts.user()
                        .roles("student", "mediator")
                        .school(school)
                        .bearer())
                .send()
                .problem(403);
        api.get("/api/trust-box/threads/" + thread).send().problem(401);
    }

    @Test
    void an_empty_or_oversized_message_is_400_with_the_field() {
        assertThat(send("/messages", "{\"text\":\"\"}")
                        .problem(400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("text");
        assertThat(send("/messages", "{\"text\":\"%s\"}".formatted("x".repeat(4001)))
                        .problem(400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("text");
        send("/messages", "{").problem(400);
        send("/conversation", "{\"receipt\":[1]}").problem(400);
    }

    private static String guess() {
        return kz.senim.cases.trustbox.domain.Receipt.random(new java.security.SecureRandom())
                .code();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
