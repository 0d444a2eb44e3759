package kz.senim.notification.delivery;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.delivery.domain.Channel;

/** A notification as stored, with its delivery state. */
public record StoredNotification(
        UUID id,
        UUID sourceEventId,
        String recipientId,
        String schoolId,
        Channel channel,
        Category category,
        String templateKey,
        Map<String, String> parameters,
        Locale language,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant failedAt,
        Instant readAt) {}
