package kz.senim.analytics.generation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics whose events become facts ({@code senim.consumes.topics}, comma-separated).
 *
 * @param topics every topic each generation of the store consumes
 */
@ConfigurationProperties("senim.consumes")
record ConsumedTopics(List<String> topics) {

    ConsumedTopics {
        topics = List.copyOf(topics);
    }
}
