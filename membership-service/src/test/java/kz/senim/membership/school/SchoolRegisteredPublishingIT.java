package kz.senim.membership.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.senim.contracts.EventContracts;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TestJwts;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox: what a committed transaction publishes arrives on Kafka as a CloudEvent; a rolled-back one sends nothing. */
@SenimIntegrationTest
class SchoolRegisteredPublishingIT {

    private static final String TOPIC = "senim.membership.v1";
    private static final String TYPE = "kz.senim.membership.school-registered.v1";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_registered_school_arrives_on_the_topic_with_every_cloudevents_header_and_a_conforming_payload() {
        String schoolId = "school-" + UUID.randomUUID().toString().substring(0, 8);
        RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/schools")
                .header("Authorization", TestJwts.user().roles("admin").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id":"%s","names":{"kk":"Сынақ мектебі","ru":"Тестовая школа","en":"Test school"},
                         "city":"Almaty","region":"Almaty","timeZone":"Asia/Almaty","defaultLanguage":"ru",
                         "yearStartMonth":8}
                        """.formatted(schoolId))
                .retrieve()
                .toBodilessEntity();

        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> schoolId.equals(r.key()), Duration.ofSeconds(30));

            EventContracts.assertConforms(TYPE, record.value());
            JsonNode payload = json.readTree(record.value());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo(payload.get("eventId").asString());
            assertThat(header(record, "ce_type")).isEqualTo(TYPE);
            assertThat(header(record, "ce_source")).isEqualTo("/membership-service");
            assertThat(Instant.parse(header(record, "ce_time")))
                    .isEqualTo(Instant.parse(payload.get("occurredAt").asString()));
            assertThat(header(record, "ce_subject")).isEqualTo(schoolId);
            assertThat(header(record, "ce_dataschema"))
                    .isEqualTo("https://senim.kz/contracts/schemas/" + TYPE + ".json");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(header(record, "ce_schoolid")).isEqualTo(schoolId);
            assertThat(payload.get("defaultLanguage").asString()).isEqualTo("ru");
            assertThat(payload.get("yearStartMonth").asInt()).isEqualTo(8);
            List<String> headers = new ArrayList<>();
            record.headers().forEach(h -> headers.add(h.key()));
            assertThat(headers).doesNotContain("__TypeId__").hasSize(9);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> outstandingPublications() == 0);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing_while_a_committed_one_does() {
        SchoolRegistered rolledBack =
                event("rolled-back-" + UUID.randomUUID().toString().substring(0, 8));
        SchoolRegistered committed =
                event("committed-" + UUID.randomUUID().toString().substring(0, 8));

        transactions.executeWithoutResult(status -> {
            events.publishEvent(rolledBack);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> events.publishEvent(committed));

        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            // The committed event is published after the rolled-back one; once it has arrived,
            // anything of the rolled-back transaction would have arrived too.
            probe.await(r -> committed.schoolId().equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.collect(r -> rolledBack.schoolId().equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                        .param("id", "%" + rolledBack.eventId() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static SchoolRegistered event(String schoolId) {
        return new SchoolRegistered(UUID.randomUUID(), schoolId, Instant.now(), "Asia/Almaty", "kk", 9);
    }

    private long outstandingPublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
