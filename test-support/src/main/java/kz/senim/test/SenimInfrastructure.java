package kz.senim.test;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Hands the JVM's real PostgreSQL, Kafka and SMTP to a Spring Boot test as
 * {@code ConnectionDetails} beans, with a fresh database and consumer group per application
 * context, and a {@link JwtDecoder} that trusts {@link TestJwts}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SenimInfrastructure {

    @Bean
    JdbcConnectionDetails senimTestDatabase(Environment environment) {
        PostgresServer postgres = Infrastructure.postgres();
        String url = postgres.newDatabase(environment.getProperty("spring.application.name", "senim"));
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres.username();
            }

            @Override
            public String getPassword() {
                return postgres.password();
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /**
     * The JVM's broker, unless the test names another in {@code senim.test.kafka-bootstrap-servers}
     * (e.g. a {@link StandaloneKafkaBroker} it stops and starts).
     */
    @Bean
    KafkaConnectionDetails senimTestKafka(Environment environment) {
        String servers = environment.getProperty("senim.test.kafka-bootstrap-servers");
        if (servers == null || servers.isBlank()) {
            servers = Infrastructure.kafka().bootstrapServers();
        }
        List<String> bootstrap = List.of(servers.split(","));
        return () -> bootstrap;
    }

    @Bean
    DynamicPropertyRegistrar senimTestProperties(Environment environment) {
        String application = environment.getProperty("spring.application.name", "senim");
        String context = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String group = application + "-" + context;
        return registry -> {
            SmtpServer smtp = Infrastructure.smtp();
            registry.add("spring.mail.host", smtp::host);
            registry.add("spring.mail.port", smtp::port);
            // Cached contexts of one JVM share the broker; their own groups keep them from stealing records.
            registry.add("spring.kafka.consumer.group-id", () -> group);
            // and their own outbox transactional.id: one context's producer would fence the other's.
            registry.add("senim.events.instance-id", () -> context);
        };
    }

    /**
     * Test contexts are closed by JVM shutdown hooks while the broker's own hook stops it; a
     * short close timeout keeps producers from waiting 30 s for a broker that is gone.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer senimTestProducerCloseTimeout() {
        return factory -> factory.setPhysicalCloseTimeout(1);
    }

    @Bean
    JwtDecoder senimTestJwtDecoder() {
        return TestJwts.decoder();
    }
}
