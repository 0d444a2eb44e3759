package kz.senim.cases.trustbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.confidential.ConfidentialTexts;
import kz.senim.cases.trustbox.domain.Author;
import kz.senim.cases.trustbox.domain.CaseProposal;
import kz.senim.cases.trustbox.domain.SafetyConcern;
import kz.senim.cases.trustbox.domain.TrustBoxMessage;
import kz.senim.cases.trustbox.domain.TrustBoxThread;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrustBoxRepository {

    private final JdbcClient jdbc;
    private final ConfidentialTexts confidential;

    TrustBoxRepository(JdbcClient jdbc, ConfidentialTexts confidential) {
        this.jdbc = jdbc;
        this.confidential = confidential;
    }

    void insert(TrustBoxThread thread) {
        jdbc.sql("""
                        insert into trust_box_thread (id, school_id, receipt_hash, opened_at, last_message_at)
                        values (:id, :school, :hash, :at, :at)
                        """)
                .param("id", thread.id())
                .param("school", thread.schoolId())
                .param("hash", thread.receiptHash())
                .param("at", Timestamp.from(thread.openedAt()))
                .update();
        thread.messages().forEach(m -> append(thread, m));
    }

    /** Messages are only ever added. */
    void append(TrustBoxThread thread, TrustBoxMessage message) {
        jdbc.sql("""
                        insert into trust_box_message (id, thread_id, author, coordinator_id, text, written_at)
                        values (:id, :thread, :author, :coordinator, :text, :at)
                        """)
                .param("id", message.id())
                .param("thread", thread.id())
                .param("author", message.author().name())
                .param("coordinator", message.coordinatorId())
                .param("text", confidential.seal(message.text()))
                .param("at", Timestamp.from(message.writtenAt()))
                .update();
        jdbc.sql("update trust_box_thread set last_message_at = :at where id = :id")
                .param("at", Timestamp.from(message.writtenAt()))
                .param("id", thread.id())
                .update();
    }

    Optional<TrustBoxThread> byReceipt(String schoolId, String receiptHash) {
        return jdbc.sql("select id from trust_box_thread where school_id = :school and receipt_hash = :hash")
                .param("school", schoolId)
                .param("hash", receiptHash)
                .query(UUID.class)
                .optional()
                .flatMap(id -> find(schoolId, id));
    }

    Optional<TrustBoxThread> find(String schoolId, UUID id) {
        return jdbc.sql("select * from trust_box_thread where school_id = :school and id = :id")
                .param("school", schoolId)
                .param("id", id)
                .query((rs, n) -> new TrustBoxThread(
                        rs.getObject("id", UUID.class),
                        rs.getString("school_id"),
                        rs.getString("receipt_hash"),
                        rs.getTimestamp("opened_at").toInstant(),
                        messages(id),
                        safetyConcerns(id),
                        rs.getString("case_proposal") == null
                                ? null
                                : new CaseProposal(
                                        CaseProposal.Status.valueOf(rs.getString("case_proposal")),
                                        rs.getString("case_proposed_by"),
                                        rs.getTimestamp("case_proposed_at").toInstant(),
                                        rs.getTimestamp("case_answered_at") == null
                                                ? null
                                                : rs.getTimestamp("case_answered_at")
                                                        .toInstant(),
                                        rs.getObject("case_id", UUID.class))))
                .optional();
    }

    /** Saves where the thread's case proposal stands. */
    void saveCaseProposal(TrustBoxThread thread) {
        CaseProposal proposal = thread.caseProposal().orElseThrow();
        jdbc.sql("""
                        update trust_box_thread
                           set case_proposal = :status, case_proposed_by = :by, case_proposed_at = :at,
                               case_answered_at = :answeredAt, case_id = :caseId
                         where id = :id
                        """)
                .param("status", proposal.status().name())
                .param("by", proposal.proposedBy())
                .param("at", Timestamp.from(proposal.proposedAt()))
                .param("answeredAt", proposal.answeredAt() == null ? null : Timestamp.from(proposal.answeredAt()))
                .param("caseId", proposal.caseId())
                .param("id", thread.id())
                .update();
    }

    /** Safety concerns are only ever added. */
    void flagged(TrustBoxThread thread, SafetyConcern concern) {
        jdbc.sql("""
                        insert into trust_box_safety_concern (id, thread_id, coordinator_id, flagged_at)
                        values (:id, :thread, :coordinator, :at)
                        """)
                .param("id", concern.id())
                .param("thread", thread.id())
                .param("coordinator", concern.coordinatorId())
                .param("at", Timestamp.from(concern.flaggedAt()))
                .update();
    }

    private List<SafetyConcern> safetyConcerns(UUID threadId) {
        return jdbc.sql("select * from trust_box_safety_concern where thread_id = :thread order by flagged_at, id")
                .param("thread", threadId)
                .query((rs, n) -> new SafetyConcern(
                        rs.getObject("id", UUID.class),
                        rs.getString("coordinator_id"),
                        rs.getTimestamp("flagged_at").toInstant()))
                .list();
    }

    private List<TrustBoxMessage> messages(UUID threadId) {
        return jdbc.sql("select * from trust_box_message where thread_id = :thread order by written_at, id")
                .param("thread", threadId)
                .query((rs, n) -> new TrustBoxMessage(
                        rs.getObject("id", UUID.class),
                        Author.valueOf(rs.getString("author")),
                        rs.getString("coordinator_id"),
                        confidential.open(rs.getString("text")),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** The threads of a school, most recently active first: ids and times only. */
    List<ThreadSummary> threads(String schoolId, PageQuery page) {
        return jdbc.sql("""
                        select t.id, t.opened_at, t.last_message_at,
                               (select count(*) from trust_box_message m where m.thread_id = t.id) as messages,
                               (select author from trust_box_message m where m.thread_id = t.id
                                 order by written_at desc, id desc limit 1) as last_author
                        from trust_box_thread t where t.school_id = :school
                        order by t.last_message_at desc, t.id limit :limit offset :offset
                        """)
                .param("school", schoolId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new ThreadSummary(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getTimestamp("last_message_at").toInstant(),
                        rs.getInt("messages"),
                        rs.getString("last_author").equals(Author.SENDER.name())))
                .list();
    }

    long countThreads(String schoolId) {
        return jdbc.sql("select count(*) from trust_box_thread where school_id = :school")
                .param("school", schoolId)
                .query(Long.class)
                .single();
    }

    record ThreadSummary(UUID id, Instant openedAt, Instant lastMessageAt, int messages, boolean awaitingAnswer) {}

    /** Counts a failed look-up in the school's current minute and returns the count so far. */
    int failedLookup(String schoolId, Instant now) {
        return jdbc.sql("""
                        insert into trust_box_failed_lookup (school_id, window_start, failures) values (:school, :window, 1)
                        on conflict (school_id, window_start) do update
                           set failures = trust_box_failed_lookup.failures + 1
                        returning failures
                        """)
                .param("school", schoolId)
                .param("window", Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES)))
                .query(Integer.class)
                .single();
    }

    int failedLookups(String schoolId, Instant now) {
        return jdbc.sql("""
                        select coalesce(sum(failures), 0) from trust_box_failed_lookup
                        where school_id = :school and window_start = :window
                        """)
                .param("school", schoolId)
                .param("window", Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES)))
                .query(Integer.class)
                .single();
    }
}
