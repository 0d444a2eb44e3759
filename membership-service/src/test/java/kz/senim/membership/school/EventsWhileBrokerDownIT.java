package kz.senim.membership.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.StandaloneKafkaBroker;
import kz.senim.test.TestJwts;
import kz.senim.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Nothing is lost: a school registered while Kafka is unreachable is answered 201, kept in the
 * outbox, and delivered once, after the broker is back, without restarting the service.
 */
@SenimIntegrationTest(properties = "senim.events.resubmission-interval=PT1S")
class EventsWhileBrokerDownIT {

    static final StandaloneKafkaBroker broker = StandaloneKafkaBroker.start();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("senim.test.kafka-bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_event_published_while_the_broker_is_down_is_delivered_once_after_it_is_back() {
        String schoolId = "offline-" + UUID.randomUUID().toString().substring(0, 8);
        broker.stop();

        HttpStatus status = HttpStatus.valueOf(RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/schools")
                .header("Authorization", TestJwts.user().roles("admin").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},"city":"Shymkent","region":"Turkistan"}
                        """.formatted(schoolId))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value());
        assertThat(status).isEqualTo(HttpStatus.CREATED);

        // The producer gives up (max.block.ms) and the publication is marked failed, not lost.
        await().atMost(Duration.ofSeconds(30)).until(() -> publications("FAILED") + publications("RESUBMITTED") > 0);

        broker.startAgain();

        try (TopicProbe probe = TopicProbe.on(broker.bootstrapServers(), "senim.membership.v1")) {
            probe.await(r -> schoolId.equals(r.key()), Duration.ofSeconds(60));
            assertThat(probe.collect(r -> schoolId.equals(r.key()), Duration.ofSeconds(4)))
                    .as("delivered exactly once")
                    .hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from event_publication")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long publications(String status) {
        return jdbc.sql("select count(*) from event_publication where status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
    }
}
