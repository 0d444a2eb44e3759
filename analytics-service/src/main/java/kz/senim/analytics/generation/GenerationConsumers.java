package kz.senim.analytics.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.senim.analytics.AnalyticsProperties;
import kz.senim.analytics.ingest.EventFacts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs one Kafka consumer per store generation that consumes (the live one, and the one a rebuild is building),
 * each in its own consumer group {@code <group>.g<generation>}, so a new generation reads every topic from the
 * earliest offset. Every instance reconciles its consumers with {@code store_generation} every
 * {@code senim.analytics.generation-check-interval}, and promotes a building generation once its group has caught
 * up with the end of every partition (docs/analytics.md, "Rebuild").
 */
@Component
public class GenerationConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationConsumers.class);

    /** Consumers (threads) per generation: the topics have three partitions each. */
    static final int CONSUMERS_PER_GENERATION = 3;

    /** The most records one poll, and so one transaction, takes. */
    static final int RECORDS_PER_POLL = 2000;

    /**
     * How long the broker may hold a fetch to gather {@link #FETCH_BYTES}: the report and the district view are
     * counts, for which half a second is nothing, and a fetch answered at every record cost the broker and this
     * service a fetch, a transaction and an offset commit per record under a steady load (decision 161).
     */
    static final int FETCH_WAIT_MS = 500;

    /** What a fetch gathers before the broker answers it early: a rebuild's catch-up is not held back. */
    static final int FETCH_BYTES = 256 * 1024;

    private final Generations generations;
    private final EventFacts facts;
    private final ConcurrentKafkaListenerContainerFactory<Object, Object> containers;
    private final KafkaAdmin kafkaAdmin;
    private final TaskScheduler scheduler;
    private final AnalyticsProperties properties;
    private final List<String> topics;
    private final String group;
    private final Map<Integer, ConcurrentMessageListenerContainer<Object, Object>> running = new HashMap<>();
    private java.util.concurrent.ScheduledFuture<?> reconciling;
    private volatile boolean started;

    GenerationConsumers(
            Generations generations,
            EventFacts facts,
            ConcurrentKafkaListenerContainerFactory<Object, Object> containers,
            KafkaAdmin kafkaAdmin,
            TaskScheduler scheduler,
            AnalyticsProperties properties,
            ConsumedTopics consumed,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        this.generations = generations;
        this.facts = facts;
        this.containers = containers;
        this.kafkaAdmin = kafkaAdmin;
        this.scheduler = scheduler;
        this.properties = properties;
        this.topics = consumed.topics();
        this.group = group;
    }

    /** The consumer group of a generation. */
    public String groupOf(int generation) {
        return group + ".g" + generation;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (properties.rebuildOnStart()) {
            log.info("Rebuild requested at start: generation {}", generations.requestRebuild());
        }
        reconcile();
        reconciling = scheduler.scheduleWithFixedDelay(this::reconcileQuietly, properties.generationCheckInterval());
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (reconciling != null) {
            reconciling.cancel(false);
        }
        running.values().forEach(ConcurrentMessageListenerContainer::stop);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** After the web server and the platform's Kafka listeners are up; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Could not reconcile the store generations' consumers (retried): {}", e.toString());
        }
    }

    /** Starts the consumers of the generations that consume, stops the others, and promotes a caught-up build. */
    synchronized void reconcile() {
        if (!started) {
            return;
        }
        List<Integer> consuming = generations.consuming();
        for (Integer generation : new ArrayList<>(running.keySet())) {
            if (!consuming.contains(generation)) {
                running.remove(generation).stop();
                log.info("Stopped the consumer of store generation {}", generation);
            }
        }
        for (Integer generation : consuming) {
            running.computeIfAbsent(generation, this::consumerOf);
        }
        generations.building().ifPresent(building -> {
            if (caughtUp(groupOf(building)) && generations.promote(building)) {
                log.info("Store generation {} has caught up and is live now", building);
                reconcile();
            }
        });
    }

    private ConcurrentMessageListenerContainer<Object, Object> consumerOf(int generation) {
        ConcurrentMessageListenerContainer<Object, Object> container =
                containers.createContainer(topics.toArray(String[]::new));
        container.getContainerProperties().setGroupId(groupOf(generation));
        container.getContainerProperties().setClientId("analytics-g" + generation);
        container.setBeanName("analytics-generation-" + generation);
        // a poll's records in one transaction (EventFacts), one consumer per topic's partition
        container.setConcurrency(CONSUMERS_PER_GENERATION);
        Properties polls = new Properties();
        polls.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(RECORDS_PER_POLL));
        polls.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_WAIT_MS));
        polls.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(FETCH_BYTES));
        container.getContainerProperties().setKafkaConsumerProperties(polls);
        container.setupMessageListener((BatchMessageListener<Object, Object>) records -> apply(generation, records));
        container.start();
        log.info("Started the consumer of store generation {} (group {})", generation, groupOf(generation));
        return container;
    }

    @SuppressWarnings("unchecked")
    private void apply(int generation, List<ConsumerRecord<Object, Object>> records) {
        facts.apply(generation, (List<ConsumerRecord<?, byte[]>>) (List<?>) records);
    }

    /**
     * Whether the group has committed, on every partition of the topics that holds records, the partition's end
     * (its last stable offset).
     */
    public boolean caughtUp(String consumerGroup) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Set<String> existing = new HashSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
            List<String> present = topics.stream().filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(present)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .values()) {
                topic.partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            var endOffsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            for (var end : endOffsets.entrySet()) {
                long last = end.getValue().offset();
                OffsetAndMetadata done = committed.get(end.getKey());
                if (last > 0 && (done == null || done.offset() < last)) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Could not tell whether {} has caught up: {}", consumerGroup, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
