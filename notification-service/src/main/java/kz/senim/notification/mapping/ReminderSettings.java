package kz.senim.notification.mapping;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders go out ({@code senim.reminders.*}, see docs/operations.md).
 *
 * @param leads how long before each session and activity a reminder is sent, one reminder per lead
 */
@ConfigurationProperties("senim.reminders")
record ReminderSettings(List<Duration> leads) {

    ReminderSettings {
        leads = List.copyOf(leads);
    }
}
