package kz.senim.notification.mapping;

import java.time.format.DateTimeParseException;
import java.util.List;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of case-, membership- and training-service into notifications for the right people
 * (docs/notifications.md has the table), once per event: first every {@link ReadModel} keeps what the event
 * changes (a case's mediators, an activity's audience, the reminders), then each family's {@link Notifications}
 * tells whom it concerns ({@link CaseNotifications}, {@link MembershipNotifications},
 * {@link TrainingNotifications}). Only ids leave the event: never text, never names. Unknown event types are
 * not this consumer's concern.
 */
@Component
class EventNotifications {

    static final String CONSUMER = "notification-service.notifications";

    private final IncomingEvents incoming;
    private final List<ReadModel> readModels;
    private final List<Notifications> families;

    EventNotifications(IncomingEvents incoming, List<ReadModel> readModels, List<Notifications> families) {
        this.incoming = incoming;
        this.readModels = List.copyOf(readModels);
        this.families = List.copyOf(families);
    }

    // A group of its own: the school and people read models read the membership topic too.
    @KafkaListener(
            topics = {
                "${senim.consumes.cases-topic}",
                "${senim.consumes.membership-topic}",
                "${senim.consumes.training-topic}"
            },
            groupId = "${spring.kafka.consumer.group-id}.notifications")
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, incomingEvent -> {
            EventFields event = new EventFields(incomingEvent);
            try {
                readModels.forEach(model -> model.keep(event));
                families.forEach(family -> family.tell(event));
            } catch (DateTimeParseException e) {
                throw new MalformedEvent("Event " + event.id() + " is not a valid " + event.type(), e);
            }
        });
    }
}
