package kz.senim.notification.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.TestRecipients;
import kz.senim.test.Infrastructure;
import kz.senim.test.SenimIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The school read model follows membership-service's SchoolRegistered events from the real topic. */
@SenimIntegrationTest
@Import(TestRecipients.class)
class SchoolRegisteredConsumptionIT {

    @Autowired
    SchoolSettingsRepository schools;

    @Test
    void a_registered_school_becomes_known_with_its_time_zone_and_language() throws Exception {
        String schoolId = "school-" + UUID.randomUUID().toString().substring(0, 8);
        String event = """
                {"eventId":"%s","schoolId":"%s","occurredAt":"2026-09-01T03:00:00Z","timeZone":"Asia/Aqtobe","defaultLanguage":"ru"}
                """.formatted(UUID.randomUUID(), schoolId);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            "senim.membership.v1",
                            null,
                            schoolId,
                            event.getBytes(StandardCharsets.UTF_8),
                            List.of(
                                    header("ce_id", UUID.randomUUID().toString()),
                                    header("ce_type", "kz.senim.membership.school-registered.v1"),
                                    header("ce_schoolid", schoolId))))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> schools.find(schoolId).isPresent());
        SchoolSettings school = schools.find(schoolId).orElseThrow();
        assertThat(school.timeZone()).isEqualTo(ZoneId.of("Asia/Aqtobe"));
        assertThat(school.defaultLanguage()).isEqualTo(Locale.of("ru"));
    }

    @Test
    void an_updated_school_speaks_its_new_language() {
        String schoolId = "school-" + UUID.randomUUID().toString().substring(0, 8);
        kz.senim.notification.Events.publish(
                "senim.membership.v1",
                "kz.senim.membership.school-registered.v1",
                schoolId,
                schoolId,
                kz.senim.notification.Events.schoolRegistered("kk"));
        kz.senim.notification.Events.publish(
                "senim.membership.v1",
                "kz.senim.membership.school-updated.v1",
                schoolId,
                schoolId,
                "\"timeZone\":\"Asia/Oral\",\"defaultLanguage\":\"en\",\"yearStartMonth\":9");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> schools.find(schoolId)
                        .filter(s -> s.defaultLanguage().equals(Locale.of("en")))
                        .isPresent());
        assertThat(schools.find(schoolId).orElseThrow().timeZone()).isEqualTo(ZoneId.of("Asia/Oral"));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
