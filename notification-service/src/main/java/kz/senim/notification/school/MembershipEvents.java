package kz.senim.notification.school;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the school read model from membership-service's events; other event types are not its concern. Named
 * after its source as every such listener is; the bean name tells it from {@code people.MembershipEvents}.
 */
@Component("schoolMembershipEvents")
class MembershipEvents {

    static final String CONSUMER = "notification-service.schools";
    static final String SCHOOL_REGISTERED = "kz.senim.membership.school-registered.v1";
    static final String SCHOOL_UPDATED = "kz.senim.membership.school-updated.v1";

    private final IncomingEvents incoming;
    private final SchoolSettingsRepository schools;

    MembershipEvents(IncomingEvents incoming, SchoolSettingsRepository schools) {
        this.incoming = incoming;
        this.schools = schools;
    }

    @KafkaListener(topics = "${senim.consumes.membership-topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, event -> {
            if (SCHOOL_REGISTERED.equals(event.type()) || SCHOOL_UPDATED.equals(event.type())) {
                schools.save(schoolOf(event));
            }
        });
    }

    private static SchoolSettings schoolOf(IncomingEvent event) {
        JsonNode data = event.data();
        try {
            return new SchoolSettings(
                    data.required("schoolId").asString(),
                    ZoneId.of(data.required("timeZone").asString()),
                    Locale.of(data.required("defaultLanguage").asString()),
                    Instant.parse(data.required("occurredAt").asString()));
        } catch (RuntimeException e) {
            throw new MalformedEvent("Event " + event.id() + " is not a valid " + event.type(), e);
        }
    }
}
