package kz.senim.platform.messaging;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal consumer that counts events in a table, to test the platform's consumer side. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
class TallyApplication {

    @Component
    static class TallyListener {

        static final String FAILING_TYPE = "kz.senim.test.always-fails.v1";
        final AtomicInteger failingAttempts = new AtomicInteger();
        private final IncomingEvents incoming;
        private final JdbcClient jdbc;

        TallyListener(IncomingEvents incoming, JdbcClient jdbc) {
            this.incoming = incoming;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = "${tally.topic}")
        void on(ConsumerRecord<String, byte[]> record) {
            incoming.handleOnce("tally", record, event -> {
                jdbc.sql("insert into tally (event_id, event_type) values (:id, :type)")
                        .param("id", event.id())
                        .param("type", event.type())
                        .update();
                if (FAILING_TYPE.equals(event.type())) {
                    failingAttempts.incrementAndGet();
                    throw new IllegalStateException("this event can never be applied");
                }
            });
        }
    }
}
