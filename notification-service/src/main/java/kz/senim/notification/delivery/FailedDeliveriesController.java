package kz.senim.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** E-mails given up after the retry window: a school admin sees the own school, a district admin all. */
@Tag(name = "Failed deliveries", description = "E-mails given up after the retry window.")
@RestController
class FailedDeliveriesController {

    private final FailedDeliveries failedDeliveries;

    FailedDeliveriesController(FailedDeliveries failedDeliveries) {
        this.failedDeliveries = failedDeliveries;
    }

    record FailedDelivery(
            UUID id,
            UUID sourceEventId,
            String recipientId,
            String schoolId,
            Category category,
            String templateKey,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant failedAt) {}

    @Operation(operationId = "listFailedDeliveries", summary = "List e-mails that could not be delivered")
    @GetMapping("/api/notifications/failed-deliveries")
    Page<FailedDelivery> failed(
            CurrentUser admin,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return failedDeliveries
                .seenBy(admin, PageQuery.of(page, size))
                .map(n -> new FailedDelivery(
                        n.id(),
                        n.sourceEventId(),
                        n.recipientId(),
                        n.schoolId(),
                        n.category(),
                        n.templateKey(),
                        n.attempts(),
                        n.lastError(),
                        n.createdAt(),
                        n.failedAt()));
    }
}
