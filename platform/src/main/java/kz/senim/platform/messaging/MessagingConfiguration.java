package kz.senim.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer side of Senim events: at-least-once delivery, idempotent effects, exponential back-off,
 * then the record goes to {@code <topic>.DLT} (the header {@code kafka_dlt-original-consumer-group}
 * says which consumer gave up) and the consumer moves on.
 */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    ProcessedMessages processedMessages(JdbcTemplate jdbc) {
        return new ProcessedMessages(jdbc);
    }

    @Bean
    IncomingEvents incomingEvents(ProcessedMessages processed, TransactionTemplate transactions, JsonMapper json) {
        return new IncomingEvents(processed, transactions, json);
    }

    /**
     * Producers publish in Kafka transactions (decision 101), so each partition ends with a commit marker
     * that no record stands for: the offset a consumer commits after its last record stays one short of the
     * partition's end, and lag (or analytics' "caught up", which compares them) never reaches zero. The
     * containers commit the position past such markers instead.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> senimTransactionMarkers() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }

    @Bean
    DefaultErrorHandler senimKafkaErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEvent.class);
        return handler;
    }
}
