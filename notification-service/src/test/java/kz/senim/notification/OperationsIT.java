package kz.senim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import kz.senim.test.SenimIntegrationTest;
import kz.senim.test.ServiceApi;
import kz.senim.test.ServiceOperationsContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SenimIntegrationTest
@Import(TestRecipients.class)
class OperationsIT extends ServiceOperationsContract {

    @LocalServerPort
    int servicePort;

    OperationsIT() {
        super("school");
    }

    @Test
    void delivery_metrics_and_consumer_lag_are_exported() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ServiceApi.at(servicePort)
                                .get("/actuator/prometheus")
                                .send()
                                .body())
                        .contains(
                                "senim_notifications_sent_total",
                                "senim_notifications_failed_total",
                                "senim_notifications_retry_queue",
                                "senim_reminders_fired_total",
                                "kafka_consumer_fetch_manager_records_lag_max"));
    }
}
