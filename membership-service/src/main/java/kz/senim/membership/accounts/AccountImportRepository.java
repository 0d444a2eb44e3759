package kz.senim.membership.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.membership.accounts.Accounts.ImportReport;
import kz.senim.membership.domain.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Imports of accounts and their progress (table {@code account_import}). */
@Repository
class AccountImportRepository {

    private static final TypeReference<List<List<String>>> LINES = new TypeReference<>() {};
    private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An import as stored; {@code lines} only until it has ended, {@code refused} once it has. */
    record AccountImport(
            String id,
            String schoolId,
            String requestedBy,
            String status,
            ImportReport plan,
            int total,
            int processed,
            List<FieldProblem> refused,
            String failure,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    void insert(
            String id, String schoolId, String requestedBy, List<List<String>> lines, ImportReport plan, Instant at) {
        int total =
                plan.created().size() + plan.changed().size() + plan.disabled().size();
        jdbc.sql("""
                        insert into account_import (id, school_id, requested_by, status, lines, plan, total, created_at)
                        values (:id, :school, :by, 'QUEUED', cast(:lines as jsonb), cast(:plan as jsonb), :total, :at)
                        """)
                .param("id", id)
                .param("school", schoolId)
                .param("by", requestedBy)
                .param("lines", json.writeValueAsString(lines))
                .param("plan", json.writeValueAsString(plan))
                .param("total", total)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<AccountImport> find(String schoolId, String id) {
        return jdbc.sql("select * from account_import where school_id = :school and id = :id")
                .param("school", schoolId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<AccountImport> byId(String id) {
        return jdbc.sql("select * from account_import where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * Takes the oldest import waiting for a worker: queued, or running under a worker silent since {@code stale}
     * (a service stopped or crashed in the middle). Its progress starts again from zero: every row is gone
     * through again, and the rows done already change nothing.
     */
    Optional<String> claim(String worker, Instant now, Instant stale) {
        return jdbc.sql("""
                        update account_import set status = 'RUNNING', worker = :worker, heartbeat_at = :now,
                            started_at = coalesce(started_at, :now), processed = 0
                        where id = (select id from account_import
                                    where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < :stale)
                                    order by created_at limit 1 for update skip locked)
                        returning id
                        """)
                .param("worker", worker)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(stale))
                .query(String.class)
                .optional();
    }

    /** The rows of a claimed import. */
    List<List<String>> lines(String id) {
        String stored = jdbc.sql("select lines::text from account_import where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        return json.readValue(stored, LINES);
    }

    /** One more row done; false when the import is no longer this worker's (another one took it over). */
    boolean stepDone(String id, String worker, Instant now) {
        return stepsDone(id, worker, 1, now);
    }

    /** Counts rows done by the import's worker (its heartbeat); false when another worker has taken it over. */
    boolean stepsDone(String id, String worker, int steps, Instant now) {
        return jdbc.sql("""
                        update account_import set processed = processed + :steps, heartbeat_at = :now
                        where id = :id and worker = :worker and status = 'RUNNING'
                        """)
                        .param("id", id)
                        .param("steps", steps)
                        .param("worker", worker)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The import has ended: its rows are dropped, what was refused is kept. */
    boolean done(String id, String worker, List<FieldProblem> refused, Instant now) {
        return jdbc.sql("""
                        update account_import set status = 'DONE', lines = null, refused = cast(:refused as jsonb),
                            processed = total, finished_at = :now, heartbeat_at = :now
                        where id = :id and worker = :worker and status = 'RUNNING'
                        """)
                        .param("id", id)
                        .param("worker", worker)
                        .param("refused", json.writeValueAsString(refused))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The import could not be done: its rows are dropped, the failure's message key kept. */
    void failed(String id, String worker, String failure, Instant now) {
        jdbc.sql("""
                        update account_import set status = 'FAILED', lines = null, failure = :failure,
                            finished_at = :now, heartbeat_at = :now
                        where id = :id and worker = :worker and status = 'RUNNING'
                        """)
                .param("id", id)
                .param("worker", worker)
                .param("failure", failure)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A worker stopping gives its running imports back to the queue, so another (or its restart) goes on at once. */
    void release(String worker) {
        jdbc.sql("update account_import set status = 'QUEUED', worker = null where status = 'RUNNING' and worker = :w")
                .param("w", worker)
                .update();
    }

    private AccountImport map(ResultSet rs, int row) throws SQLException {
        String refused = rs.getString("refused");
        return new AccountImport(
                rs.getString("id"),
                rs.getString("school_id"),
                rs.getString("requested_by"),
                rs.getString("status"),
                json.readValue(rs.getString("plan"), ImportReport.class),
                rs.getInt("total"),
                rs.getInt("processed"),
                refused == null ? List.of() : json.readValue(refused, PROBLEMS),
                rs.getString("failure"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
