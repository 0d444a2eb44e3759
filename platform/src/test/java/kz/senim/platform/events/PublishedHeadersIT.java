package kz.senim.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outbox puts on a record is exactly the CloudEvents headers of docs/events.md: no {@code __TypeId__}
 * with the producer's class name, which Spring Kafka's JSON converter adds unless told otherwise; and a consumer
 * reads the event by {@code ce_type}.
 */
@SenimIntegrationTest(
        properties = {
            "spring.main.web-application-type=none",
            "senim.events.topic=senim.headers-test.v1",
            "spring.application.name=headers-test"
        })
class PublishedHeadersIT {

    @Autowired
    CounterApplication.Counters counters;

    @Test
    void a_published_event_carries_the_cloudevents_headers_and_nothing_else() {
        String counter = "counter-" + UUID.randomUUID();
        counters.create(counter);

        try (TopicProbe probe = TopicProbe.on("senim.headers-test.v1")) {
            counters.tick(counter);
            ConsumerRecord<String, byte[]> record = probe.await(r -> counter.equals(r.key()), Duration.ofSeconds(60));

            List<String> names = new ArrayList<>();
            for (Header header : record.headers()) {
                names.add(header.key());
            }
            assertThat(names)
                    .containsExactlyInAnyOrder(
                            "ce_specversion",
                            "ce_id",
                            "ce_type",
                            "ce_source",
                            "ce_time",
                            "ce_subject",
                            "ce_dataschema",
                            "content-type",
                            "ce_schoolid")
                    .doesNotContain("__TypeId__");

            IncomingEvent event =
                    IncomingEvent.from(record, JsonMapper.builder().build());
            assertThat(event.type()).isEqualTo("kz.senim.test.counter-ticked.v1");
            assertThat(event.subject()).isEqualTo(counter);
            assertThat(event.data().get("version").asLong()).isEqualTo(1);
        }
    }
}
