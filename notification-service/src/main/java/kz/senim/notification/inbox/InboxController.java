package kz.senim.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import kz.senim.notification.delivery.StoredNotification;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.template.ComposedMessage;
import kz.senim.notification.template.MessageTemplates;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
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

    private final Inbox inbox;
    private final MessageTemplates templates;

    InboxController(Inbox inbox, MessageTemplates templates) {
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
        return inbox.page(user, PageQuery.of(page, size)).map(n -> item(n, user));
    }

    @Operation(operationId = "countUnreadNotifications", summary = "Count unread notifications")
    @GetMapping("/api/notifications/unread-count")
    UnreadCount unread(CurrentUser user) {
        return new UnreadCount(inbox.unread(user));
    }

    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read")
    @ApiResponse(responseCode = "204", description = "Done")
    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> markRead(CurrentUser user, @PathVariable UUID id) {
        inbox.markRead(user, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "markAllNotificationsRead", summary = "Mark every notification read")
    @PostMapping("/api/notifications/read-all")
    MarkedRead markAllRead(CurrentUser user) {
        return new MarkedRead(inbox.markAllRead(user));
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
