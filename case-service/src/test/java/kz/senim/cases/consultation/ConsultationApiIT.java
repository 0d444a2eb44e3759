package kz.senim.cases.consultation;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A consultation from question to closure over HTTP, seen only by those who may, with conforming events. */
@SenimIntegrationTest
class ConsultationApiIT {

    static final String QUESTION = "MARKER-QUESTION how do I apologise to my friend";
    static final String ANSWER = "MARKER-ANSWER say it in your own words";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void asked_answered_by_a_young_mediator_read_and_closed() {
        String school = "consult-" + UUID.randomUUID().toString().substring(0, 8);
        String asker = "asker-" + UUID.randomUUID();
        String mediator = "mediator-" + UUID.randomUUID();
        try (MembershipFeed feed = new MembershipFeed(jdbc)) {
            feed.certifiedMediator(school, mediator, 10, "A");
        }
        ServiceApi api = ServiceApi.at(port);
        String asAsker = TestJwts.user(asker).roles("student").school(school).bearer();
        String asMediator = TestJwts.user(mediator)
                .roles("student", "mediator")
                .school(school)
                .bearer();
        String asCoordinator =
                TestJwts.user().roles("coordinator").school(school).bearer();
        String asClassmate = TestJwts.user().roles("student").school(school).bearer();

        Answer asked = api.post("/api/consultations")
                .auth(asAsker)
                .json("{\"kind\":\"CONSULTATION\",\"question\":\"%s\"}".formatted(QUESTION))
                .send();
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String path = "/api/consultations/" + asked.json().get("id").asString();

        api.get(path).auth(asMediator).send().problem(404);
        api.get(path).auth(asClassmate).send().problem(404);
        api.get(path)
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-school-2")
                        .bearer())
                .send()
                .problem(404);
        api.post(path + "/advisor")
                .auth(asAsker)
                .json("{\"userId\":\"" + mediator + "\"}")
                .send()
                .problem(403);
        assertThat(api.post(path + "/advisor")
                        .auth(asCoordinator)
                        .json("{\"userId\":\"" + mediator + "\"}")
                        .send()
                        .status())
                .isEqualTo(200);
        JsonNode answered = api.post(path + "/answer")
                .auth(asMediator)
                .json("{\"text\":\"%s\"}".formatted(ANSWER))
                .send()
                .json();
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        JsonNode read = api.get(path).auth(asAsker).send().json();
        assertThat(read.get("answer").asString()).isEqualTo(ANSWER);
        JsonNode closed = api.post(path + "/closure").auth(asAsker).send().json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        assertThat(api.get("/api/consultations")
                        .auth(asClassmate)
                        .send()
                        .json()
                        .get("totalElements")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/consultations")
                        .auth(asCoordinator)
                        .send()
                        .json()
                        .toString())
                .doesNotContain("MARKER");
        assertThat(jdbc.sql("select question || answer from consultation where school_id = :s")
                        .param("s", school)
                        .query(String.class)
                        .single())
                .doesNotContain("MARKER")
                .contains("senim:v1:");

        String id = asked.json().get("id").asString();
        try (TopicProbe probe = TopicProbe.on("senim.cases.v1")) {
            probe.await(r -> id.equals(r.key()) && type(r).endsWith("consultation-closed.v1"), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records =
                    probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertThat(records.stream().map(ConsultationApiIT::type))
                    .containsExactlyInAnyOrder(
                            "kz.senim.cases.consultation-requested.v1",
                            "kz.senim.cases.consultation-answered.v1",
                            "kz.senim.cases.consultation-closed.v1");
            records.forEach(r -> {
                EventContracts.assertConforms(type(r), r.value());
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("MARKER");
            });
            // The asker is told that an answer waits: the answered event names them by user id.
            assertThat(records.stream()
                            .filter(r -> type(r).endsWith("consultation-answered.v1"))
                            .map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                    .singleElement()
                    .asString()
                    .contains("\"askerId\":\"" + asker + "\"");
        }
    }

    @Test
    void coordinators_filter_their_list_by_kind() {
        String school = "consult-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceApi api = ServiceApi.at(port);
        String asAsker = TestJwts.user().roles("student").school(school).bearer();
        String asCoordinator =
                TestJwts.user().roles("coordinator").school(school).bearer();
        String consultation = api.post("/api/consultations")
                .auth(asAsker)
                .json("{\"kind\":\"CONSULTATION\",\"question\":\"Who can help me?\"}")
                .send()
                .json()
                .get("id")
                .asString();
        String question = api.post("/api/consultations")
                .auth(asAsker)
                .json("{\"kind\":\"QUESTION\",\"question\":\"When does the club meet?\"}")
                .send()
                .json()
                .get("id")
                .asString();

        JsonNode questions = api.get("/api/consultations?kind=QUESTION")
                .auth(asCoordinator)
                .send()
                .json();
        JsonNode consultations = api.get("/api/consultations?kind=CONSULTATION")
                .auth(asCoordinator)
                .send()
                .json();
        JsonNode both = api.get("/api/consultations").auth(asCoordinator).send().json();

        assertThat(questions.get("content").valueStream().map(x -> x.get("id").asString()))
                .containsExactly(question);
        assertThat(questions.get("totalElements").asLong()).isOne();
        assertThat(consultations
                        .get("content")
                        .valueStream()
                        .map(x -> x.get("id").asString()))
                .containsExactly(consultation);
        assertThat(consultations.get("totalElements").asLong()).isOne();
        assertThat(both.get("totalElements").asLong()).isEqualTo(2);
        // A mediation is a case, listed by /api/cases: asking for it here is a mistake, not an empty page.
        for (String kind : List.of("MEDIATION", "GOSSIP")) {
            assertThat(api.get("/api/consultations?kind=" + kind)
                            .auth(asCoordinator)
                            .send()
                            .problem(400)
                            .get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .as(kind)
                    .containsExactly("kind");
        }
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_consultation() {
        String school = "consult-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceApi api = ServiceApi.at(port);
        String asAsker = TestJwts.user().roles("student").school(school).bearer();
        String ask = "{\"kind\":\"QUESTION\",\"question\":\"When does the club meet?\"}";
        // The same key on a case of the same asker is another resource: keys are kept apart by kind of resource.
        Answer aCase = api.post("/api/cases")
                .auth(asAsker)
                .header("Idempotency-Key", "phone-1")
                .json("""
                        {"description":"We argue","parties":[{"name":"A","adult":false,"grade":7},\
                        {"name":"B","adult":false,"grade":7}]}""")
                .send();
        assertThat(aCase.status()).as(aCase.body()).isEqualTo(201);

        Answer first = api.post("/api/consultations")
                .auth(asAsker)
                .header("Idempotency-Key", "phone-1")
                .json(ask)
                .send();
        Answer retried = api.post("/api/consultations")
                .auth(asAsker)
                .header("Idempotency-Key", "phone-1")
                .json(ask)
                .send();
        Answer another = api.post("/api/consultations")
                .auth(asAsker)
                .header("Idempotency-Key", "phone-2")
                .json(ask)
                .send();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(id).isNotEqualTo(aCase.json().get("id").asString());
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asString()).isEqualTo(id);
        assertThat(retried.headers().getLocation()).hasPath("/api/consultations/" + id);
        assertThat(retried.headers().getETag()).isEqualTo(first.headers().getETag());
        assertThat(another.json().get("id").asString()).isNotEqualTo(id);
        assertThat(jdbc.sql("select count(*) from consultation where school_id = :s")
                        .param("s", school)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        api.post("/api/consultations")
                .auth(asAsker)
                .header("Idempotency-Key", "no spaces/or slashes")
                .json(ask)
                .send()
                .problem(400);
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String school = "consult-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceApi api = ServiceApi.at(port);
        String coordinator = "coordinator-" + UUID.randomUUID();
        String asAsker = TestJwts.user().roles("student").school(school).bearer();
        String asCoordinator =
                TestJwts.user(coordinator).roles("coordinator").school(school).bearer();
        Answer asked = api.post("/api/consultations")
                .auth(asAsker)
                .json("{\"kind\":\"CONSULTATION\",\"question\":\"Who can help me?\"}")
                .send();
        String path = "/api/consultations/" + asked.json().get("id").asString();
        String etag = asked.headers().getETag();
        assertThat(etag).isEqualTo("\"0\"");

        api.post(path + "/advisor")
                .auth(asCoordinator)
                .header("If-Match", "\"7\"")
                .json("{\"userId\":\"" + coordinator + "\"}")
                .send()
                .problem(412);
        Answer assigned = api.post(path + "/advisor")
                .auth(asCoordinator)
                .header("If-Match", etag)
                .json("{\"userId\":\"" + coordinator + "\"}")
                .send();
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        String assignedTag = assigned.headers().getETag();
        assertThat(assignedTag).isNotEqualTo(etag);

        // Every command honours If-Match: the tag of before the assignment is stale now.
        api.post(path + "/answer")
                .auth(asCoordinator)
                .header("If-Match", etag)
                .json("{\"text\":\"Come to room 12\"}")
                .send()
                .problem(412);
        api.post(path + "/meeting")
                .auth(asCoordinator)
                .header("If-Match", etag)
                .json("{\"heldAt\":\"2026-11-20T10:00:00+05:00\"}")
                .send()
                .problem(412);
        api.post(path + "/closure")
                .auth(asAsker)
                .header("If-Match", etag)
                .send()
                .problem(412);
        api.post(path + "/withdrawal")
                .auth(asAsker)
                .header("If-Match", "not-a-version")
                .send()
                .problem(412);
        Answer unchanged = api.get(path).auth(asAsker).send();
        assertThat(unchanged.headers().getETag()).isEqualTo(assignedTag);
        assertThat(unchanged.json().get("status").asString())
                .isEqualTo(assigned.json().get("status").asString());
        assertThat(unchanged.json().has("answer")).isFalse();

        Answer answered = api.post(path + "/answer")
                .auth(asCoordinator)
                .header("If-Match", assignedTag)
                .json("{\"text\":\"Come to room 12\"}")
                .send();
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        Answer closed = api.post(path + "/closure")
                .auth(asAsker)
                .header("If-Match", answered.headers().getETag())
                .send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void a_bad_request_names_its_fields() {
        Answer answer = ServiceApi.at(port)
                .post("/api/consultations")
                .auth(TestJwts.user()
                        .roles("student")
                        .school("demo-gymnasium-1")
                        .bearer())
                .json("{\"kind\":\"GOSSIP\",\"question\":\"%s\"}".formatted("x".repeat(4001)))
                .send();

        assertThat(answer.problem(400)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("kind", "question");
        ServiceApi.at(port)
                .post("/api/consultations/" + UUID.randomUUID() + "/meeting")
                .auth(TestJwts.user()
                        .roles("coordinator")
                        .school("demo-gymnasium-1")
                        .bearer())
                .json("{\"heldAt\":\"yesterday\"}")
                .send()
                .problem(400);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
