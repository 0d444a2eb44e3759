package kz.senim.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM: Testcontainers {@code apache/kafka-native}, or Spring
 * Kafka's in-process KRaft broker without Docker.
 */
public final class KafkaServer {

    private final String bootstrapServers;

    private KafkaServer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaServer start(InfraSide side) {
        if (side == InfraSide.CONTAINERS) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
            container.start();
            AfterSpringShutdown.run("senim-kafka-stop", container::stop);
            return new KafkaServer(container.getBootstrapServers());
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // The outbox publishes in Kafka transactions: a one-broker transaction log, small, made at once.
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("transaction.state.log.num.partitions", "1");
        broker.afterPropertiesSet();
        AfterSpringShutdown.run("senim-kafka-stop", broker::destroy);
        return new KafkaServer(broker.getBrokersAsString());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
