package kz.senim.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import kz.senim.notification.delivery.StoredNotification;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.template.ComposedMessage;
import kz.senim.notification.template.MessageTemplates;
import kz.senim.notification.web.Page;
import kz.senim.notification.web.PageParameters;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app inbox, in the caller's language. */
@Tag(name = "Inbox", description = "The caller's in-app notifications.")
@RestController
class InboxController {

    private final InboxRepository inbox;
    private final MessageTemplates templates;
    private final Clock clock = Clock.systemUTC();

    InboxController(InboxRepository inbox, MessageTemplates templates) {
        this.inbox = inbox;
        this.templates = templates;
    }

    record InboxItem(
            UUID id, Category category, String subject, String text, String link, Instant createdAt, boolean read) {}

    record UnreadCount(long unread) {}

    record MarkedRead(int marked) {}

    @Operation(operationId = "listNotifications", summary = "List the inbox, unread first")
    @GetMapping("/api/notifications")
    Page<InboxItem> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageParameters request = PageParameters.of(page, size);
        return Page.of(
                inbox.page(user.id(), request.offset(), request.size()).stream()
                        .map(n -> item(n, user))
                        .toList(),
                request,
                inbox.count(user.id()));
    }

    @Operation(operationId = "countUnreadNotifications", summary = "Count unread notifications")
    @GetMapping("/api/notifications/unread-count")
    UnreadCount unread(CurrentUser user) {
        return new UnreadCount(inbox.unread(user.id()));
    }

    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> markRead(CurrentUser user, @PathVariable UUID id) {
        if (!inbox.markRead(user.id(), id, clock.instant())) {
            throw new ResourceNotFound("notification");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notification read")
    @PostMapping("/api/notifications/read-all")
    MarkedRead markAllRead(CurrentUser user) {
        return new MarkedRead(inbox.markAllRead(user.id(), clock.instant()));
    }

    private InboxItem item(StoredNotification n, CurrentUser user) {
        ComposedMessage message = templates.brief(n.templateKey(), n.parameters(), user.locale());
        return new InboxItem(
                n.id(),
                n.category(),
                message.subject(),
                message.text(),
                message.portalLink(),
                n.createdAt(),
                n.readAt() != null);
    }
}
