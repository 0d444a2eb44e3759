package kz.senim.cases.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kz.senim.cases.audit.domain.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only audit trail of case-service. Entries join the caller's transaction, so a change
 * and its audit entry commit together or not at all. There is deliberately no way to update or
 * delete an entry.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends what an actor did to an object of a school, now.
     *
     * @param actorId the Keycloak subject id, or {@code null} for the anonymous trust box
     */
    public AuditEntry append(
            String schoolId, String actorId, AuditEntry.Action action, String subjectType, String subjectId) {
        // PostgreSQL keeps microseconds; truncating here makes the returned entry equal what is stored.
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID(),
                schoolId,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                actorId,
                action,
                subjectType,
                subjectId);
        jdbc.sql("""
                        insert into audit_entry (id, school_id, occurred_at, actor_id, action, subject_type, subject_id)
                        values (:id, :schoolId, :occurredAt, :actorId, :action, :subjectType, :subjectId)
                        """)
                .param("id", entry.id())
                .param("schoolId", entry.schoolId())
                .param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("actorId", entry.actorId())
                .param("action", entry.action().name())
                .param("subjectType", entry.subjectType())
                .param("subjectId", entry.subjectId())
                .update();
        return entry;
    }

    /** Everything recorded about one object of a school, oldest first. */
    public List<AuditEntry> about(String schoolId, String subjectType, String subjectId) {
        return jdbc.sql("""
                        select id, school_id, occurred_at, actor_id, action, subject_type, subject_id
                        from audit_entry
                        where school_id = :schoolId and subject_type = :subjectType and subject_id = :subjectId
                        order by occurred_at, id
                        """)
                .param("schoolId", schoolId)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .query(AuditTrail::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(
                row.getObject("id", UUID.class),
                row.getString("school_id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor_id"),
                AuditEntry.Action.valueOf(row.getString("action")),
                row.getString("subject_type"),
                row.getString("subject_id"));
    }
}
