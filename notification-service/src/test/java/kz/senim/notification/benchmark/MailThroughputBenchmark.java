package kz.senim.notification.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.Events;
import kz.senim.notification.TestRecipients;
import kz.senim.notification.people.PersonRepository;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test of the build (its name matches no surefire include): a measurement, run by hand with
 * {@code ./mvnw -B -o -pl notification-service test -Dtest=MailThroughputBenchmark
 * -Dsenim.benchmark.events=1000 -Dsenim.benchmark.rate=0} (rate: events/s to publish at, 0 = a burst). Publishes request-submitted events (one coordinator each, so
 * one e-mail per event) to the real broker as fast as it can, and reports events/s until the last
 * e-mail was accepted by SMTP (GreenMail) and the p50/p99 time from each event's {@code ce_time}
 * to SMTP acceptance ({@code sent_at}, taken right after the SMTP server accepted the mail).
 */
@SenimIntegrationTest(
        properties = {"senim.notifications.dispatch-interval=PT0.05S", "senim.notifications.batch-size=100"})
@Import(TestRecipients.class)
class MailThroughputBenchmark {

    @Autowired
    PersonRepository people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void events_to_accepted_emails() throws Exception {
        int events = Integer.getInteger("senim.benchmark.events", 1000);
        // Events per second to publish at; 0: as fast as the producer can (a burst).
        int rate = Integer.getInteger("senim.benchmark.rate", 0);
        String school = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String coordinator = "bench-coordinator-" + UUID.randomUUID();
        Events.publish(
                Events.MEMBERSHIP,
                "kz.senim.membership.school-registered.v1",
                school,
                school,
                Events.schoolRegistered("kk"));
        Events.publish(
                Events.MEMBERSHIP,
                "kz.senim.membership.person-registered.v1",
                coordinator,
                school,
                Events.personRegistered(coordinator, "coordinator", null, "kk"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> people.find(coordinator).isPresent());

        Map<UUID, Instant> published = new HashMap<>();
        Instant start = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                if (rate > 0) {
                    long due = start.toEpochMilli() + i * 1000L / rate;
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                UUID id = UUID.randomUUID();
                UUID caseId = UUID.randomUUID();
                Instant now = Instant.now();
                published.put(id, now);
                byte[] payload = ("{\"eventId\":\"" + id + "\",\"schoolId\":\"" + school
                                + "\",\"occurredAt\":\"" + now + "\",\"caseId\":\"" + caseId
                                + "\",\"kind\":\"MEDIATION\",\"channel\":\"ONLINE_FORM\",\"urgency\":\"NORMAL\","
                                + "\"partyCount\":2,\"adultParty\":false}")
                        .getBytes(StandardCharsets.UTF_8);
                List<Header> headers = List.of(
                        header("ce_id", id.toString()),
                        header("ce_type", "kz.senim.cases.request-submitted.v1"),
                        header("ce_schoolid", school),
                        header("ce_time", now.toString()));
                producer.send(new ProducerRecord<>(Events.CASES, null, caseId.toString(), payload, headers));
            }
            producer.flush();
        }

        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> sent(school) == events);
        List<Long> latencies = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        Instant[] last = {start};
        jdbc.sql("""
                        select source_event_id, sent_at, created_at from notification
                        where school_id = :school and channel = 'EMAIL' and status = 'SENT'
                        """)
                .param("school", school)
                .query((rs, row) -> {
                    UUID id = rs.getObject("source_event_id", UUID.class);
                    Instant sentAt = ((Timestamp) rs.getObject("sent_at")).toInstant();
                    latencies.add(Duration.between(published.get(id), sentAt).toMillis());
                    stored.add(Duration.between(published.get(id), ((Timestamp) rs.getObject("created_at")).toInstant())
                            .toMillis());
                    if (sentAt.isAfter(last[0])) {
                        last[0] = sentAt;
                    }
                    return id;
                })
                .list();
        Collections.sort(latencies);
        Collections.sort(stored);
        double seconds = Duration.between(start, last[0]).toMillis() / 1000.0;
        long delivered = Infrastructure.smtp().received().stream()
                .filter(m -> kz.senim.notification.Mailbox.to(TestRecipients.address(coordinator))
                        .contains(m))
                .count();

        System.out.printf(
                "%nBENCHMARK notification-service: %d events (rate %s) -> %d e-mails accepted by SMTP in %.1f s = %.1f events/s;"
                        + " ce_time -> SMTP acceptance p50 %d ms, p99 %d ms, max %d ms"
                        + " (ce_time -> stored: p50 %d ms, p99 %d ms)%n%n",
                events,
                rate == 0 ? "burst" : rate + "/s",
                delivered,
                seconds,
                events / seconds,
                latencies.get(latencies.size() / 2),
                latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1)),
                latencies.getLast(),
                stored.get(stored.size() / 2),
                stored.get(Math.min(stored.size() - 1, (int) Math.ceil(stored.size() * 0.99) - 1)));
        assertThat(delivered).isEqualTo(events);
    }

    private long sent(String school) {
        return jdbc.sql(
                        "select count(*) from notification where school_id = :school and channel = 'EMAIL' and status = 'SENT'")
                .param("school", school)
                .query(Long.class)
                .single();
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
