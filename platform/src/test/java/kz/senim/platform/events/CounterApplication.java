package kz.senim.platform.events;

import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A minimal producer: every tick of a counter is a transaction that publishes one event. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
class CounterApplication {

    @EventType("kz.senim.test.counter-ticked.v1")
    record CounterTicked(UUID eventId, String schoolId, Instant occurredAt, String counterId, long version)
            implements SenimEvent {

        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    @Component
    static class Counters {

        private final JdbcClient jdbc;
        private final ApplicationEventPublisher events;

        Counters(JdbcClient jdbc, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public void create(String id) {
            jdbc.sql("insert into counter (id) values (:id)").param("id", id).update();
        }

        /**
         * The row lock of the update orders the ticks of one counter: a tick's transaction cannot
         * commit before the one of the previous version has, so version order is commit order.
         */
        @Transactional
        public long tick(String id) {
            long version = jdbc.sql("update counter set version = version + 1 where id = :id returning version")
                    .param("id", id)
                    .query(Long.class)
                    .single();
            events.publishEvent(new CounterTicked(UUID.randomUUID(), "demo-school", Instant.now(), id, version));
            return version;
        }
    }
}
