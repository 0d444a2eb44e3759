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
