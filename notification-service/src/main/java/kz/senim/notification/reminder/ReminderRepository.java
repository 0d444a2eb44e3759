package kz.senim.notification.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.senim.notification.reminder.domain.ReminderPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReminderRepository {

    public enum Kind {
        SESSION,
        ACTIVITY
    }

    record Reminder(UUID id, String schoolId, Kind kind, UUID subjectId, UUID caseId, Instant startsAt) {}

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the pending reminders of a session or activity by those of its (new) start. */
    public void plan(
            Kind kind,
            UUID subjectId,
            UUID caseId,
            String schoolId,
            List<ReminderPlan.Due> reminders,
            Instant startsAt) {
        cancel(kind, subjectId);
        for (ReminderPlan.Due due : reminders) {
            jdbc.sql("""
                            insert into reminder (id, school_id, kind, subject_id, case_id, starts_at, lead_seconds,
                                                  due_at, status)
                            values (:id, :school, :kind, :subject, :case, :starts, :lead, :due, 'PENDING')
                            on conflict on constraint reminder_once do update set starts_at = excluded.starts_at,
                                due_at = excluded.due_at, status = 'PENDING', fired_at = null
                            """)
                    .param("id", UUID.randomUUID())
                    .param("school", schoolId)
                    .param("kind", kind.name())
                    .param("subject", subjectId)
                    .param("case", caseId)
                    .param("starts", Timestamp.from(startsAt))
                    .param("lead", due.lead().toSeconds())
                    .param("due", Timestamp.from(due.at()))
                    .update();
        }
    }

    public void cancel(Kind kind, UUID subjectId) {
        jdbc.sql("""
                        update reminder set status = 'CANCELLED'
                        where kind = :kind and subject_id = :subject and status = 'PENDING'
                        """).param("kind", kind.name()).param("subject", subjectId).update();
    }

    /**
     * Cancels every pending session reminder of a case: a case that ended holds no session, whether
     * or not each session's cancellation reached this service first.
     */
    public void cancelOfCase(UUID caseId) {
        jdbc.sql("""
                        update reminder set status = 'CANCELLED'
                        where kind = 'SESSION' and case_id = :case and status = 'PENDING'
                        """).param("case", caseId).update();
    }

    /** Locks due reminders for the current transaction; another instance skips them. */
    List<Reminder> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from reminder
                        where status = 'PENDING' and due_at <= :now
                        order by due_at
                        limit :limit
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new Reminder(
                        rs.getObject("id", UUID.class),
                        rs.getString("school_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getObject("subject_id", UUID.class),
                        rs.getObject("case_id", UUID.class),
                        rs.getTimestamp("starts_at").toInstant()))
                .list();
    }

    void markSent(UUID id, Instant now) {
        jdbc.sql("update reminder set status = 'SENT', fired_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }
}
