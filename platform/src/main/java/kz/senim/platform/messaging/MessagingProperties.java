package kz.senim.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retries how many times a failing record is retried before it goes to the dead-letter topic
 * @param initialInterval the first back-off, doubled on each retry
 * @param maxInterval the longest back-off
 */
@ConfigurationProperties("senim.messaging")
public record MessagingProperties(Integer retries, Duration initialInterval, Duration maxInterval) {

    public MessagingProperties {
        if (retries == null || retries < 0) {
            retries = 3;
        }
        if (initialInterval == null) {
            initialInterval = Duration.ofSeconds(1);
        }
        if (maxInterval == null) {
            maxInterval = Duration.ofSeconds(30);
        }
    }
}
