package kz.senim.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.delivery.domain.Channel;
import kz.senim.notification.delivery.domain.PlannedNotification;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class NotificationRepository {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the notification unless one exists for its event, recipient and channel; true when stored. */
    public boolean store(PlannedNotification planned, Instant now) {
        boolean email = planned.channel() == Channel.EMAIL;
        return jdbc.sql("""
                        insert into notification (id, source_event_id, recipient_id, school_id, channel, category,
                                                  template_key, parameters, language, essential, status,
                                                  next_attempt_at, created_at, sent_at)
                        values (:id, :event, :recipient, :school, :channel, :category, :template,
                                cast(:parameters as jsonb), :language, :essential, :status, :next, :now, :sent)
                        on conflict on constraint notification_once do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("event", planned.sourceEventId())
                        .param("recipient", planned.recipientId())
                        .param("school", planned.schoolId())
                        .param("channel", planned.channel().name())
                        .param("category", planned.category().name())
                        .param("template", planned.templateKey())
                        .param("parameters", json.writeValueAsString(planned.parameters()))
                        .param("language", planned.language().getLanguage())
                        .param("essential", planned.category().essential())
                        .param("status", email ? "PENDING" : "SENT")
                        .param("next", email ? Timestamp.from(now) : null)
                        .param("now", Timestamp.from(now))
                        .param("sent", email ? null : Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Locks up to {@code limit} due e-mails for the current transaction; another instance skips
     * them, so no e-mail is claimed twice.
     */
    List<StoredNotification> claimDueEmails(Instant now, int limit) {
        return jdbc.sql("""
                        select * from notification
                        where channel = 'EMAIL' and status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at
                        limit :limit
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    void markSent(UUID id, Instant now) {
        jdbc.sql("""
                        update notification set status = 'SENT', sent_at = :now, attempts = attempts + 1,
                                                next_attempt_at = null
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now)).update();
    }

    void scheduleRetry(UUID id, Instant next, String error) {
        jdbc.sql("""
                        update notification set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        where id = :id
                        """)
                .param("id", id)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .update();
    }

    /** Whether some e-mails wait for a later attempt because the SMTP server could not be used. */
    boolean anyHeldBackBySmtp(Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from notification
                                       where channel = 'EMAIL' and status = 'PENDING' and next_attempt_at > :now
                                             and last_error like 'smtp:%')
                        """)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    /** Makes the e-mails held back by an SMTP failure due now; answers how many. */
    int resumeHeldBackBySmtp(Instant now) {
        return jdbc.sql("""
                        update notification set next_attempt_at = :now
                        where channel = 'EMAIL' and status = 'PENDING' and next_attempt_at > :now
                              and last_error like 'smtp:%'
                        """).param("now", Timestamp.from(now)).update();
    }

    void markFailed(UUID id, Instant now, String error) {
        jdbc.sql("""
                        update notification set status = 'FAILED', attempts = attempts + 1, failed_at = :now,
                                                next_attempt_at = null, last_error = :error
                        where id = :id
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("error", error)
                .update();
    }

    /** E-mails that failed at least once and wait for another attempt. */
    public long retryQueueSize() {
        return jdbc.sql(
                        "select count(*) from notification where channel = 'EMAIL' and status = 'PENDING' and attempts > 0")
                .query(Long.class)
                .single();
    }

    public List<StoredNotification> failed(Optional<String> school, PageQuery page) {
        return jdbc.sql("""
                        select * from notification
                        where status = 'FAILED' and (cast(:school as text) is null or school_id = :school)
                        order by failed_at desc, id
                        offset :offset limit :limit
                        """)
                .param("school", school.orElse(null))
                .param("offset", page.offset())
                .param("limit", page.size())
                .query(this::row)
                .list();
    }

    public long countFailed(Optional<String> school) {
        return jdbc.sql("""
                        select count(*) from notification
                        where status = 'FAILED' and (cast(:school as text) is null or school_id = :school)
                        """)
                .param("school", school.orElse(null))
                .query(Long.class)
                .single();
    }

    public List<StoredNotification> forEvent(UUID sourceEventId) {
        return jdbc.sql("select * from notification where source_event_id = :event order by recipient_id, channel")
                .param("event", sourceEventId)
                .query(this::row)
                .list();
    }

    public StoredNotification row(ResultSet rs, int row) throws SQLException {
        return new StoredNotification(
                rs.getObject("id", UUID.class),
                rs.getObject("source_event_id", UUID.class),
                rs.getString("recipient_id"),
                rs.getString("school_id"),
                Channel.valueOf(rs.getString("channel")),
                Category.valueOf(rs.getString("category")),
                rs.getString("template_key"),
                json.readValue(rs.getString("parameters"), PARAMETERS),
                Locale.of(rs.getString("language")),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "failed_at"),
                instant(rs, "read_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
