package kz.senim.notification.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the people read model ("the coordinators of X", "the guardians of Y") from membership's events. Named
 * after its source as every such listener is; the bean name tells it from {@code school.MembershipEvents}.
 */
@Component("peopleMembershipEvents")
class MembershipEvents {

    static final String CONSUMER = "notification-service.people";
    static final String REGISTERED = "kz.senim.membership.person-registered.v1";
    static final String UPDATED = "kz.senim.membership.person-updated.v1";
    static final String REMOVED = "kz.senim.membership.person-removed.v1";
    static final String MEMBER_ADMITTED = "kz.senim.membership.member-admitted.v1";
    static final String MEMBER_LEFT = "kz.senim.membership.member-left.v1";
    static final String MEMBER_GRADUATED = "kz.senim.membership.member-graduated.v1";

    private final IncomingEvents incoming;
    private final PersonRepository people;

    MembershipEvents(IncomingEvents incoming, PersonRepository people) {
        this.incoming = incoming;
        this.people = people;
    }

    // A group of its own: every listener must see every record of the topic.
    @KafkaListener(topics = "${senim.consumes.membership-topic}", groupId = "${spring.kafka.consumer.group-id}.people")
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, event -> {
            switch (event.type()) {
                case REGISTERED, UPDATED -> people.save(personOf(event));
                case REMOVED -> people.remove(text(event, "userId"));
                case MEMBER_ADMITTED -> people.joinClub(text(event, "userId"), text(event, "schoolId"));
                case MEMBER_LEFT, MEMBER_GRADUATED -> people.leaveClub(text(event, "userId"));
                default -> {}
            }
        });
    }

    private static Person personOf(IncomingEvent event) {
        JsonNode data = event.data();
        try {
            JsonNode grade = data.path("grade");
            List<String> guardianOf = new ArrayList<>();
            data.required("guardianOf").forEach(child -> guardianOf.add(child.asString()));
            return new Person(
                    data.required("userId").asString(),
                    data.required("schoolId").asString(),
                    data.required("role").asString(),
                    grade.isNumber() ? grade.asInt() : null,
                    Locale.of(data.required("language").asString()),
                    guardianOf);
        } catch (RuntimeException e) {
            throw new MalformedEvent("Event " + event.id() + " is not a valid " + event.type(), e);
        }
    }

    private static String text(IncomingEvent event, String field) {
        try {
            return event.data().required(field).asString();
        } catch (RuntimeException e) {
            throw new MalformedEvent("Event " + event.id() + " has no " + field, e);
        }
    }
}
