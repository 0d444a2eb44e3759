package kz.senim.membership.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.membership.applications.domain.ApplicationStatus;
import kz.senim.membership.applications.domain.Interview;
import kz.senim.membership.applications.domain.MembershipApplication;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the student already has an open application. */
    boolean insert(MembershipApplication a) {
        return jdbc.sql("""
                            insert into application (id, school_id, applicant_id, school_year, grade, motivation, availability,
                                                     status, submitted_at, version)
                            values (:id, :school, :applicant, :year, :grade, :motivation, :availability, :status, :at, 0)
                            on conflict do nothing
                            """)
                        .param("id", a.id())
                        .param("school", a.schoolId())
                        .param("applicant", a.applicantId())
                        .param("year", a.schoolYear().toString())
                        .param("grade", a.grade())
                        .param("motivation", a.motivation())
                        .param("availability", a.availability())
                        .param("status", a.status().name())
                        .param("at", Timestamp.from(a.submittedAt()))
                        .update()
                == 1;
    }

    /** Writes the new state if the stored version is still the one read; false otherwise. */
    boolean update(MembershipApplication a) {
        return jdbc.sql("""
                        update application set status = :status, interview_at = :interviewAt, interview_place = :place,
                               interviewer_id = :interviewer, decision_reason = :reason, version = version + 1
                        where id = :id and version = :version
                        """)
                        .param("id", a.id())
                        .param("status", a.status().name())
                        .param(
                                "interviewAt",
                                a.interview() == null
                                        ? null
                                        : Timestamp.from(a.interview().at()))
                        .param(
                                "place",
                                a.interview() == null ? null : a.interview().place())
                        .param(
                                "interviewer",
                                a.interview() == null ? null : a.interview().interviewerId())
                        .param("reason", a.decisionReason())
                        .param("version", a.version())
                        .update()
                == 1;
    }

    Optional<MembershipApplication> find(String schoolId, UUID id) {
        return jdbc.sql("select * from application where school_id = :school and id = :id")
                .param("school", schoolId)
                .param("id", id)
                .query(ApplicationRepository::map)
                .optional();
    }

    List<MembershipApplication> page(String schoolId, String applicant, ApplicationStatus status, PageQuery page) {
        return jdbc.sql("select * from application where school_id = :school"
                        + " and (cast(:applicant as text) is null or applicant_id = :applicant)"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " order by " + page.orderBy() + ", id limit :limit offset :offset")
                .param("school", schoolId)
                .param("applicant", applicant)
                .param("status", status == null ? null : status.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ApplicationRepository::map)
                .list();
    }

    long count(String schoolId, String applicant, ApplicationStatus status) {
        return jdbc.sql("select count(*) from application where school_id = :school"
                        + " and (cast(:applicant as text) is null or applicant_id = :applicant)"
                        + " and (cast(:status as text) is null or status = :status)")
                .param("school", schoolId)
                .param("applicant", applicant)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    private static MembershipApplication map(ResultSet rs, int row) throws SQLException {
        Timestamp interviewAt = rs.getTimestamp("interview_at");
        return new MembershipApplication(
                rs.getObject("id", UUID.class),
                rs.getString("school_id"),
                rs.getString("applicant_id"),
                SchoolYear.parse(rs.getString("school_year")),
                rs.getInt("grade"),
                rs.getString("motivation"),
                rs.getString("availability"),
                ApplicationStatus.valueOf(rs.getString("status")),
                interviewAt == null
                        ? null
                        : new Interview(
                                interviewAt.toInstant(),
                                rs.getString("interview_place"),
                                rs.getString("interviewer_id")),
                rs.getString("decision_reason"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getLong("version"));
    }
}
