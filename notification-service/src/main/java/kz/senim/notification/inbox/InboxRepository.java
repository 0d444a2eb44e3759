package kz.senim.notification.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.notification.delivery.NotificationRepository;
import kz.senim.notification.delivery.StoredNotification;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notifications of one user. */
@Repository
class InboxRepository {

    private final JdbcClient jdbc;
    private final NotificationRepository notifications;

    InboxRepository(JdbcClient jdbc, NotificationRepository notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** One page of someone's inbox, unread first, then newest. */
    List<StoredNotification> page(String userId, PageQuery page) {
        return jdbc.sql("""
                        select * from notification
                        where channel = 'IN_APP' and recipient_id = :user
                        order by (read_at is null) desc, created_at desc, id
                        offset :offset limit :limit
                        """)
                .param("user", userId)
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(notifications::row)
                .list();
    }

    long count(String userId) {
        return jdbc.sql("select count(*) from notification where channel = 'IN_APP' and recipient_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    long unread(String userId) {
        return jdbc.sql("""
                        select count(*) from notification
                        where channel = 'IN_APP' and recipient_id = :user and read_at is null
                        """).param("user", userId).query(Long.class).single();
    }

    /** False when the user has no such notification. Marking twice keeps the first time. */
    boolean markRead(String userId, UUID id, Instant now) {
        jdbc.sql("""
                        update notification set read_at = :now
                        where id = :id and channel = 'IN_APP' and recipient_id = :user and read_at is null
                        """)
                .param("id", id)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql(
                                "select count(*) from notification where id = :id and channel = 'IN_APP' and recipient_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    int markAllRead(String userId, Instant now) {
        return jdbc.sql("""
                        update notification set read_at = :now
                        where channel = 'IN_APP' and recipient_id = :user and read_at is null
                        """)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
