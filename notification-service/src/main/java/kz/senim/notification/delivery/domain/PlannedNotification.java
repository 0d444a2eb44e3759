package kz.senim.notification.delivery.domain;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One notification to store: who, where, what about, in which language, and the non-confidential
 * parameters (ids) that build the portal link.
 */
public record PlannedNotification(
        UUID sourceEventId,
        String recipientId,
        String schoolId,
        Channel channel,
        Category category,
        String templateKey,
        Map<String, String> parameters,
        Locale language) {

    public PlannedNotification {
        parameters = Map.copyOf(parameters);
    }
}
