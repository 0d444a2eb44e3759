package kz.senim.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose data is kept is stopped cleanly, so that the next start on the same data recovers nothing
 * (decision 160): Kafka leaves its clean-shutdown marker in the log folder only after an orderly stop.
 */
class StandaloneKafkaBrokerTest {

    @TempDir
    Path folder;

    @Test
    void a_kept_broker_stops_cleanly_and_starts_again_on_its_data() {
        StandaloneKafkaBroker broker = StandaloneKafkaBroker.start(SmtpServer.freePort(), folder);
        try {
            assertThat(broker.process()).isPresent();

            broker.shutDown(StandaloneKafkaBroker.CLEAN_STOP_WITHIN);

            assertThat(broker.process()).isEmpty();
            assertThat(folder.resolve("data").resolve(".kafka_cleanshutdown")).exists();

            broker.startAgain();
            assertThat(broker.process()).isPresent();
            assertThat(Files.exists(folder.resolve("data").resolve(".kafka_cleanshutdown")))
                    .as("Kafka removes the marker once it has opened the logs again")
                    .isFalse();
        } finally {
            broker.close();
        }
    }

    @Test
    void a_crash_leaves_no_clean_shutdown_marker() {
        StandaloneKafkaBroker broker = StandaloneKafkaBroker.start(SmtpServer.freePort(), folder);
        try {
            broker.stop();

            assertThat(folder.resolve("data").resolve(".kafka_cleanshutdown")).doesNotExist();
        } finally {
            broker.close();
        }
    }
}
