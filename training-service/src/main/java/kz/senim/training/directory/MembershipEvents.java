package kz.senim.training.directory;

import java.time.ZoneId;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code senim.membership.v1} once per event into training-service's read models: schools'
 * time zones, people (role and grade, for audiences) and, through the curriculum's own
 * {@link kz.senim.training.curriculum.MembershipEvents}, club members (trainees).
 */
@Component("directoryMembershipEvents")
class MembershipEvents {

    static final String CONSUMER = "training-membership";

    private final IncomingEvents incoming;
    private final Directory directory;
    private final kz.senim.training.curriculum.MembershipEvents members;

    MembershipEvents(
            IncomingEvents incoming, Directory directory, kz.senim.training.curriculum.MembershipEvents members) {
        this.incoming = incoming;
        this.directory = directory;
        this.members = members;
    }

    // The group comes from spring.kafka.consumer.group-id (the tests give each context its own).
    @KafkaListener(topics = "senim.membership.v1", id = "training-membership", idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "kz.senim.membership.school-registered.v1", "kz.senim.membership.school-updated.v1" -> {
                String zone = text(event, "timeZone");
                if (!ZoneId.getAvailableZoneIds().contains(zone)) {
                    throw new MalformedEvent("Event " + event.id() + " has an unknown time zone", null);
                }
                directory.school(text(event, "schoolId"), zone);
            }
            case "kz.senim.membership.person-registered.v1", "kz.senim.membership.person-updated.v1" -> {
                JsonNode grade = event.data().get("grade");
                directory.person(
                        text(event, "schoolId"),
                        text(event, "userId"),
                        text(event, "role"),
                        grade == null || grade.isNull() ? null : grade.asInt());
            }
            case "kz.senim.membership.person-removed.v1" ->
                directory.removePerson(text(event, "schoolId"), text(event, "userId"));
            default -> {
                if (members.handles(event.type())) {
                    members.apply(event);
                }
            }
        }
    }

    private static String text(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEvent("Event " + event.id() + " has no " + field, null);
        }
        return node.asString();
    }
}
