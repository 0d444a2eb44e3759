package kz.senim.membership.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.membership.members.domain.Member;
import kz.senim.membership.members.domain.MemberStatus;
import kz.senim.platform.SchoolYear;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SchoolYear> latestYear(String schoolId) {
        return jdbc.sql("select max(school_year) from roster where school_id = :school")
                .param("school", schoolId)
                .query(String.class)
                .optional()
                .map(SchoolYear::parse);
    }

    boolean openYear(String schoolId, SchoolYear year, Instant at) {
        return jdbc.sql(
                                "insert into roster (school_id, school_year, opened_at) values (:school, :year, :at) on conflict do nothing")
                        .param("school", schoolId)
                        .param("year", year.toString())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Locks the roster of a year, so that admissions (capacity) and renewals of a club happen one at a time. */
    void lock(String schoolId, SchoolYear year) {
        jdbc.sql("select school_year from roster where school_id = :school and school_year = :year for update")
                .param("school", schoolId)
                .param("year", year.toString())
                .query(String.class)
                .list();
    }

    Optional<Member> find(String schoolId, SchoolYear year, String userId) {
        return jdbc.sql("select * from member where school_id = :school and school_year = :year and user_id = :user")
                .param("school", schoolId)
                .param("year", year.toString())
                .param("user", userId)
                .query(MemberRepository::map)
                .optional();
    }

    /** Admits, or admits again someone who had left earlier in the same year. */
    void admit(Member m) {
        jdbc.sql("""
                        insert into member (school_id, school_year, user_id, status, admitted_at, certified_at,
                                            certification_note, left_at, version)
                        values (:school, :year, :user, :status, :admitted, :certified, :note, null, 0)
                        on conflict (school_id, school_year, user_id) do update
                           set status = excluded.status, admitted_at = excluded.admitted_at,
                               certified_at = excluded.certified_at, certification_note = excluded.certification_note,
                               left_at = null, version = member.version + 1
                        """)
                .param("school", m.schoolId())
                .param("year", m.schoolYear().toString())
                .param("user", m.userId())
                .param("status", m.status().name())
                .param("admitted", Timestamp.from(m.admittedAt()))
                .param("certified", m.certifiedAt() == null ? null : Timestamp.from(m.certifiedAt()))
                .param("note", m.certificationNote())
                .update();
    }

    void update(Member m) {
        jdbc.sql("""
                        update member set status = :status, certified_at = :certified, certification_note = :note,
                               left_at = :left, version = version + 1
                        where school_id = :school and school_year = :year and user_id = :user
                        """)
                .param("school", m.schoolId())
                .param("year", m.schoolYear().toString())
                .param("user", m.userId())
                .param("status", m.status().name())
                .param("certified", m.certifiedAt() == null ? null : Timestamp.from(m.certifiedAt()))
                .param("note", m.certificationNote())
                .param("left", m.leftAt() == null ? null : Timestamp.from(m.leftAt()))
                .update();
    }

    List<Member> roster(String schoolId, SchoolYear year) {
        return jdbc.sql("select * from member where school_id = :school and school_year = :year order by user_id")
                .param("school", schoolId)
                .param("year", year.toString())
                .query(MemberRepository::map)
                .list();
    }

    List<Member> page(String schoolId, SchoolYear year, MemberStatus status, PageQuery page) {
        return jdbc.sql("select * from member where school_id = :school and school_year = :year"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " order by " + page.orderBy() + ", user_id limit :limit offset :offset")
                .param("school", schoolId)
                .param("year", year.toString())
                .param("status", status == null ? null : status.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MemberRepository::map)
                .list();
    }

    Map<MemberStatus, Integer> counts(String schoolId, SchoolYear year) {
        Map<MemberStatus, Integer> counts = new EnumMap<>(MemberStatus.class);
        for (MemberStatus s : MemberStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.sql(
                        "select status, count(*) from member where school_id = :school and school_year = :year group by status")
                .param("school", schoolId)
                .param("year", year.toString())
                .query((rs, row) -> counts.put(MemberStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .list();
        return counts;
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        Timestamp certified = rs.getTimestamp("certified_at");
        Timestamp left = rs.getTimestamp("left_at");
        return new Member(
                rs.getString("school_id"),
                rs.getString("user_id"),
                SchoolYear.parse(rs.getString("school_year")),
                MemberStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("admitted_at").toInstant(),
                certified == null ? null : certified.toInstant(),
                rs.getString("certification_note"),
                left == null ? null : left.toInstant(),
                rs.getLong("version"));
    }
}
