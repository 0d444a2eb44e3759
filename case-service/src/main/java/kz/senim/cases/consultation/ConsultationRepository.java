package kz.senim.cases.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.cases.confidential.ConfidentialTexts;
import kz.senim.cases.consultation.domain.Consultation;
import kz.senim.cases.consultation.domain.ConsultationKind;
import kz.senim.cases.consultation.domain.ConsultationStatus;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsultationRepository {

    private final JdbcClient jdbc;
    private final ConfidentialTexts confidential;

    ConsultationRepository(JdbcClient jdbc, ConfidentialTexts confidential) {
        this.jdbc = jdbc;
        this.confidential = confidential;
    }

    record Stored(Consultation consultation, long version) {}

    void insert(Consultation consultation) {
        jdbc.sql("""
                        insert into consultation (id, school_id, kind, asked_by, asked_at, question, status, advisor_id,
                                                  peer_advice, answer, meeting_at, answered_at, closed_at, version)
                        values (:id, :school, :kind, :askedBy, :askedAt, :question, :status, :advisorId, :peerAdvice,
                                :answer, :meetingAt, :answeredAt, :closedAt, 0)
                        """).params(params(consultation.state())).update();
    }

    boolean update(Consultation consultation, long version) {
        Map<String, Object> params = params(consultation.state());
        params.put("version", version);
        return jdbc.sql("""
                                update consultation set status = :status, advisor_id = :advisorId,
                                    peer_advice = :peerAdvice, answer = :answer, meeting_at = :meetingAt,
                                    answered_at = :answeredAt, closed_at = :closedAt, version = version + 1
                                where id = :id and school_id = :school and version = :version
                                """).params(params).update() == 1;
    }

    Optional<Stored> find(String schoolId, UUID id, boolean lock) {
        return jdbc.sql("select * from consultation where school_id = :school and id = :id"
                        + (lock ? " for update" : ""))
                .param("school", schoolId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Coordinators: every one of the school; others: what they asked or advise on. */
    /** One page of what the caller may see, newest first. */
    List<Stored> visible(String schoolId, String userId, boolean coordinator, ConsultationKind kind, PageQuery page) {
        return jdbc.sql("select * from consultation where school_id = :school"
                        + (coordinator ? "" : " and (asked_by = :user or advisor_id = :user)")
                        + (kind == null ? "" : " and kind = :kind")
                        + " order by asked_at desc, id limit :limit offset :offset")
                .param("school", schoolId)
                .param("user", userId)
                .param("kind", kind == null ? null : kind.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::map)
                .list();
    }

    long countVisible(String schoolId, String userId, boolean coordinator, ConsultationKind kind) {
        return jdbc.sql("select count(*) from consultation where school_id = :school"
                        + (coordinator ? "" : " and (asked_by = :user or advisor_id = :user)")
                        + (kind == null ? "" : " and kind = :kind"))
                .param("school", schoolId)
                .param("user", userId)
                .param("kind", kind == null ? null : kind.name())
                .query(Long.class)
                .single();
    }

    private Map<String, Object> params(Consultation.State s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id());
        p.put("school", s.schoolId());
        p.put("kind", s.kind().name());
        p.put("askedBy", s.askedBy());
        p.put("askedAt", Timestamp.from(s.askedAt()));
        p.put("question", confidential.seal(s.question()));
        p.put("status", s.status().name());
        p.put("advisorId", s.advisorId());
        p.put("peerAdvice", s.peerAdvice());
        p.put("answer", confidential.seal(s.answer()));
        p.put("meetingAt", time(s.meetingAt()));
        p.put("answeredAt", time(s.answeredAt()));
        p.put("closedAt", time(s.closedAt()));
        return p;
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                Consultation.restore(new Consultation.State(
                        rs.getObject("id", UUID.class),
                        rs.getString("school_id"),
                        ConsultationKind.valueOf(rs.getString("kind")),
                        rs.getString("asked_by"),
                        rs.getTimestamp("asked_at").toInstant(),
                        confidential.open(rs.getString("question")),
                        ConsultationStatus.valueOf(rs.getString("status")),
                        rs.getString("advisor_id"),
                        rs.getBoolean("peer_advice"),
                        confidential.open(rs.getString("answer")),
                        instant(rs.getTimestamp("meeting_at")),
                        instant(rs.getTimestamp("answered_at")),
                        instant(rs.getTimestamp("closed_at")))),
                rs.getLong("version"));
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
