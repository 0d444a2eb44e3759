package kz.senim.membership.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.messaging.IncomingEvents;
import kz.senim.platform.messaging.MalformedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * training-service's events: a trainee who completed the curriculum becomes a CERTIFIED member, once. Named
 * after its source, as every listener of another service's events is (docs/conventions.md); the consumer id
 * stays what it was, so that no event is handled twice across the rename.
 */
@Component
class TrainingEvents {

    static final String CONSUMER = "membership.trainee-qualified";
    static final String TYPE = "kz.senim.training.trainee-qualified.v1";
    private static final Logger log = LoggerFactory.getLogger(TrainingEvents.class);

    private final IncomingEvents incoming;
    private final Members members;
    private final JsonMapper json;

    TrainingEvents(IncomingEvents incoming, Members members, JsonMapper json) {
        this.incoming = incoming;
        this.members = members;
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TraineeQualified(String schoolId, String userId, String schoolYear) {}

    @KafkaListener(topics = "${senim.membership.training-topic:senim.training.v1}")
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.handleOnce(CONSUMER, record, event -> {
            if (!TYPE.equals(event.type())) {
                return;
            }
            TraineeQualified data = event.dataAs(TraineeQualified.class, json);
            if (data.schoolId() == null || data.userId() == null || data.schoolYear() == null) {
                throw new MalformedEvent("Event " + event.id() + " lacks schoolId, userId or schoolYear", null);
            }
            SchoolYear year;
            try {
                year = SchoolYear.parse(data.schoolYear());
            } catch (IllegalArgumentException e) {
                throw new MalformedEvent("Event " + event.id() + " has no valid schoolYear", e);
            }
            if (!members.certifyQualifiedTrainee(data.schoolId(), data.userId(), year)) {
                log.info("Event {}: no trainee to certify for it", event.id());
            }
        });
    }
}
