package kz.senim.notification.inbox;

import java.time.Clock;
import java.util.UUID;
import kz.senim.notification.delivery.StoredNotification;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Someone's own in-app inbox: read it, count what is unread, mark read. */
@Service
class Inbox {

    private final InboxRepository inbox;
    private final Clock clock;

    Inbox(InboxRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Unread first, then newest. */
    @Transactional(readOnly = true)
    Page<StoredNotification> page(CurrentUser user, PageQuery page) {
        return Page.of(inbox.page(user.id(), page), page, inbox.count(user.id()));
    }

    @Transactional(readOnly = true)
    long unread(CurrentUser user) {
        return inbox.unread(user.id());
    }

    /** 404 unless the notification is the caller's; marking twice keeps the first time. */
    @Transactional
    void markRead(CurrentUser user, UUID id) {
        if (!inbox.markRead(user.id(), id, clock.instant())) {
            throw new ResourceNotFound("notification");
        }
    }

    /** How many were marked. */
    @Transactional
    int markAllRead(CurrentUser user) {
        return inbox.markAllRead(user.id(), clock.instant());
    }
}
