package kz.senim.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic the service's own topic, e.g. {@code senim.cases.v1}; empty when it publishes nothing
 * @param partitions partitions of that topic when the service creates it
 * @param resubmissionInterval how often FAILED outbox publications are sent again
 * @param outcomePatience how long the outbox retries a Kafka commit or abort whose outcome is unknown
 *     with the same producer before it replaces the producer (decision 101)
 */
@ConfigurationProperties("senim.events")
public record EventsProperties(String topic, int partitions, Duration resubmissionInterval, Duration outcomePatience) {

    public EventsProperties {
        if (topic == null) {
            topic = "";
        }
        if (partitions <= 0) {
            partitions = 3;
        }
        if (resubmissionInterval == null) {
            resubmissionInterval = Duration.ofSeconds(5);
        }
        if (outcomePatience == null) {
            outcomePatience = Duration.ofSeconds(30);
        }
    }
}
