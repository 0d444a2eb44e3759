package kz.senim.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code senim.notifications.sent} and {@code senim.notifications.failed} (e-mails), and
 * {@code senim.notifications.retry.queue} (e-mails waiting for another attempt). No recipients,
 * no addresses in tags. Consumer lag comes from the Kafka client metrics
 * ({@code kafka.consumer.fetch.manager.records.lag.max}).
 */
@Component
class DeliveryMetrics {

    private final Counter sent;
    private final Counter failed;

    DeliveryMetrics(MeterRegistry registry, NotificationRepository notifications) {
        this.sent = Counter.builder("senim.notifications.sent")
                .description("E-mails accepted by the SMTP server")
                .tag("channel", "email")
                .register(registry);
        this.failed = Counter.builder("senim.notifications.failed")
                .description("E-mails given up after retrying")
                .tag("channel", "email")
                .register(registry);
        Gauge.builder("senim.notifications.retry.queue", notifications, NotificationRepository::retryQueueSize)
                .description("E-mails that failed and wait for another attempt")
                .register(registry);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }
}
