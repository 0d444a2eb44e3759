package kz.senim.cases.directory;

import java.time.Instant;
import kz.senim.platform.messaging.IncomingEvent;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link SchoolPeople} from membership-service's school-registered, person-* and member-* events, once per
 * event; other event types of the topic are not its concern.
 */
@Component
class MembershipEvents {

    static final String CONSUMER = "case-service.directory";
    private static final String PREFIX = "kz.senim.membership.";

    private final IncomingEvents incoming;
    private final SchoolPeople people;
    private final ApplicationEventPublisher leavers;

    MembershipEvents(IncomingEvents incoming, SchoolPeople people, ApplicationEventPublisher leavers) {
        this.incoming = incoming;
        this.people = people;
        this.leavers = leavers;
    }

    // The group comes from spring.kafka.consumer.group-id (the tests give each context its own).
    @KafkaListener(
            topics = "${senim.cases.membership-topic:senim.membership.v1}",
            id = "case-directory",
            idIsGroup = false)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        try {
            JsonNode data = event.data();
            switch (event.type()) {
                case PREFIX + "person-registered.v1", PREFIX + "person-updated.v1" ->
                    people.savePerson(
                            new Person(
                                    data.required("schoolId").asString(),
                                    data.required("userId").asString(),
                                    data.required("role").asString(),
                                    optionalInt(data, "grade"),
                                    optionalText(data, "classLetter"),
                                    data.required("guardianOf")
                                            .valueStream()
                                            .map(JsonNode::asString)
                                            .toList()),
                            occurredAt(data));
                case PREFIX + "school-registered.v1" ->
                    people.saveSchool(data.required("schoolId").asString(), occurredAt(data));
                case PREFIX + "person-removed.v1" -> {
                    String school = data.required("schoolId").asString();
                    String user = data.required("userId").asString();
                    people.removePerson(school, user);
                    // Case rules follow in the same transaction: a mediator who left is taken off open cases.
                    leavers.publishEvent(new PersonLeftTheSchool(school, user));
                }
                case PREFIX + "member-admitted.v1",
                        PREFIX + "member-certified.v1",
                        PREFIX + "member-left.v1",
                        PREFIX + "member-graduated.v1" ->
                    people.saveMember(
                            data.required("schoolId").asString(),
                            data.required("userId").asString(),
                            data.required("schoolYear").asString(),
                            data.required("status").asString(),
                            occurredAt(data));
                default -> {
                    // Not about people or members.
                }
            }
        } catch (MalformedEvent e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEvent("Event " + event.id() + " is not a valid " + event.type(), e);
        }
    }

    private static Instant occurredAt(JsonNode data) {
        return Instant.parse(data.required("occurredAt").asString());
    }

    private static Integer optionalInt(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isInt()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return value.asInt();
    }

    private static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
