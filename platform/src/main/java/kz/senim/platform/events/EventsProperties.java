package kz.senim.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic the service's own topic, e.g. {@code senim.cases.v1}; empty when it publishes nothing
 * @param partitions partitions of that topic when the service creates it
 * @param resubmissionInterval how often FAILED outbox publications are sent again
 * @param outcomePatience how long the outbox retries a Kafka commit or abort whose outcome is unknown
 *     with the same producer before it replaces the producer (decision 101)
 * @param mostPerTransaction the most publications one outbox transaction holds (decision 154)
 * @param longestTransaction how long an outbox transaction takes more publications before it is committed
 *     even though more are ready (it is committed at once whenever none is)
 */
@ConfigurationProperties("senim.events")
public record EventsProperties(
        String topic,
        int partitions,
        Duration resubmissionInterval,
        Duration outcomePatience,
        int mostPerTransaction,
        Duration longestTransaction) {

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
        if (mostPerTransaction <= 0) {
            mostPerTransaction = 100;
        }
        if (longestTransaction == null) {
            longestTransaction = Duration.ofMillis(50);
        }
    }
}
