package kz.senim.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox externalization of {@link SenimEvent}s to the service's topic with CloudEvents
 * binary-mode headers, the topic itself, and the scheduled resubmission of failed publications.
 * The outbox sends through {@link OutboxProducer}: transactionally, what is ready in one transaction,
 * and never a second copy (decisions 101 and 154).
 */
// Before Boot's Kafka configuration (the outbox's template replaces its KafkaTemplate) and before Spring
// Modulith's Kafka JSON configuration, whose converter backs off when there is one already.
@AutoConfiguration(
        before = KafkaAutoConfiguration.class,
        beforeName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@EnableScheduling
@EnableConfigurationProperties(EventsProperties.class)
@ConditionalOnExpression("'${senim.events.topic:}' != ''")
public class EventsConfiguration {

    @Bean
    EventExternalizationConfiguration senimEventExternalization(
            EventsProperties properties, @Value("${spring.application.name}") String application) {
        String source = "/" + application;
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof SenimEvent && event.getClass().isAnnotationPresent(EventType.class))
                .routeAll(
                        event -> RoutingTarget.forTarget(properties.topic()).andKey(((SenimEvent) event).aggregateId()))
                .headers(event -> CloudEventHeaders.of((SenimEvent) event, source))
                // Not serialized: Modulith would then wait for each send to complete before the next, and the
                // outbox batches publications into one Kafka transaction. The order is kept without it: one thread
                // hands them to one producer in commit order (ExternalizationInCommitOrder, OutboxProducer).
                .serializeExternalization(false)
                .build();
    }

    /** The record's value is the event's JSON, its headers the CloudEvents ones only (no {@code __TypeId__}). */
    @Bean
    RecordMessageConverter senimCloudEventsMessageConverter(ObjectProvider<JsonMapper> json) {
        return new CloudEventsMessageConverter(json.getIfUnique(JsonMapper::new));
    }

    /** Publications go to Kafka on one thread, in the order they were committed (see the class). */
    @Bean
    static ExternalizationInCommitOrder senimExternalizationInCommitOrder(ObjectProvider<CommitOrder> commitOrder) {
        return new ExternalizationInCommitOrder(commitOrder);
    }

    /**
     * Commits the outbox's open Kafka transaction whenever it has nothing more to add to it. Destroyed after
     * {@link CommitOrder}, which sends what was handed over before it stops.
     */
    @Bean
    @DependsOn("senimOutboxProducer")
    CommitOrder senimCommitOrder(OutboxProducer outbox) {
        return new CommitOrder(outbox::commitOpenTransaction);
    }

    @Bean
    OutboxProducer senimOutboxProducer(
            ProducerFactory<Object, Object> producers,
            KafkaAdmin admin,
            EventsProperties properties,
            Environment environment,
            @Value("${spring.application.name}") String application) {
        // Read when the first producer is made: a test's per-context instance id is registered after this bean.
        return new OutboxProducer(
                producers.getConfigurationProperties(),
                admin.getConfigurationProperties(),
                () -> application + "-" + environment.getProperty("senim.events.instance-id", "single") + "-outbox",
                properties.outcomePatience(),
                properties.mostPerTransaction(),
                properties.longestTransaction());
    }

    /** Fences what this instance's predecessor left open, at start rather than at the first event. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> senimOutboxProducerStart(
            CommitOrder commitOrder, OutboxProducer outbox) {
        return ready -> commitOrder.executor().execute(outbox::prepare);
    }

    /** In place of Boot's template, configured as Boot configures it (converter, producer listener). */
    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(
            ProducerFactory<Object, Object> producers,
            OutboxProducer outbox,
            ObjectProvider<ProducerListener<Object, Object>> listener,
            ObjectProvider<RecordMessageConverter> converter) {
        OutboxKafkaTemplate template = new OutboxKafkaTemplate(producers, outbox);
        listener.ifUnique(template::setProducerListener);
        converter.ifUnique(template::setMessageConverter);
        return template;
    }

    @Bean
    NewTopic senimEventTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .build();
    }

    @Bean
    FailedPublicationResubmission failedPublicationResubmission(
            FailedEventPublications failed, JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new FailedPublicationResubmission(failed, jdbc, transactions);
    }

    @Bean
    SchedulingConfigurer failedPublicationResubmissionSchedule(
            FailedPublicationResubmission resubmission, EventsProperties properties) {
        return registrar -> registrar.addFixedDelayTask(resubmission::resubmit, properties.resubmissionInterval());
    }
}
