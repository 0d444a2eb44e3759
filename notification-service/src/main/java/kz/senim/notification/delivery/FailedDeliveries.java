package kz.senim.notification.delivery;

import java.util.Optional;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** E-mails given up after the retry window, for admins: a school admin's school, or every school. */
@Service
class FailedDeliveries {

    private final NotificationRepository notifications;

    FailedDeliveries(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Newest failure first. */
    @Transactional(readOnly = true)
    Page<StoredNotification> seenBy(CurrentUser admin, PageQuery page) {
        Optional<String> school = admin.isDistrictAdmin() ? Optional.empty() : admin.schoolId();
        return Page.of(notifications.failed(school, page), page, notifications.countFailed(school));
    }
}
