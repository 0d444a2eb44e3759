package kz.senim.training.activities;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.ActivityStatus;
import kz.senim.training.activities.domain.ActivityType;
import kz.senim.training.activities.domain.AttendanceStatus;
import kz.senim.training.activities.domain.Audience;
import kz.senim.training.activities.domain.AudienceGroup;
import kz.senim.training.activities.domain.Registration;
import kz.senim.training.activities.domain.RegistrationStatus;
import kz.senim.training.curriculum.domain.CurriculumModule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Activity a, String createdBy, Instant now) {
        jdbc.sql("""
                insert into activity (id, school_id, series_id, type, title, audience_groups, grade_from, grade_to,
                                      facilitators, starts_at, ends_at, time_zone, place, capacity, language,
                                      open_registration, modules, status, head_count, created_by, created_at, version)
                values (:id, :school, :series, :type, :title, :groups, :gradeFrom, :gradeTo, :facilitators, :starts,
                        :ends, :zone, :place, :capacity, :language, :open, :modules, :status, :headCount, :by, :at,
                        :version)
                """)
                .param("id", a.id())
                .param("school", a.schoolId())
                .param("series", a.seriesId())
                .param("type", a.type().name())
                .param("title", a.title())
                .param("groups", names(a.audience().groups()))
                .param("gradeFrom", a.audience().gradeFrom())
                .param("gradeTo", a.audience().gradeTo())
                .param("facilitators", a.facilitators().stream().sorted().toArray(String[]::new))
                .param("starts", Timestamp.from(a.startsAt()))
                .param("ends", Timestamp.from(a.endsAt()))
                .param("zone", a.timeZone().getId())
                .param("place", a.place())
                .param("capacity", a.capacity())
                .param("language", a.language())
                .param("open", a.openForRegistration())
                .param("modules", names(a.modules()))
                .param("status", a.status().name())
                .param("headCount", a.headCount())
                .param("by", createdBy)
                .param("at", Timestamp.from(now))
                .param("version", a.version())
                .update();
    }

    /** Saves a changed activity if nobody changed it in between; false otherwise. */
    boolean update(Activity a) {
        return jdbc.sql("""
                        update activity set starts_at = :starts, ends_at = :ends, place = :place, status = :status,
                                            head_count = :headCount, version = :version
                        where id = :id and version = :previous
                        """)
                        .param("starts", Timestamp.from(a.startsAt()))
                        .param("ends", Timestamp.from(a.endsAt()))
                        .param("place", a.place())
                        .param("status", a.status().name())
                        .param("headCount", a.headCount())
                        .param("version", a.version())
                        .param("previous", a.version() - 1)
                        .param("id", a.id())
                        .update()
                == 1;
    }

    Optional<Activity> find(String schoolId, UUID id) {
        return jdbc.sql("select * from activity where id = :id and school_id = :school")
                .param("id", id)
                .param("school", schoolId)
                .query(ActivityRepository::map)
                .optional();
    }

    /** Locks the activity row, so registrations and attendance of one activity are serialized. */
    Optional<Activity> lock(String schoolId, UUID id) {
        return jdbc.sql("select * from activity where id = :id and school_id = :school for update")
                .param("id", id)
                .param("school", schoolId)
                .query(ActivityRepository::map)
                .optional();
    }

    record Window(String schoolId, Instant from, Instant to, String type, UUID seriesId) {}

    List<Activity> findIn(Window w, boolean descending, int offset, int limit) {
        Map<String, Object> params = paramsMap(w);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select * from activity where " + where(w) + " order by starts_at "
                        + (descending ? "desc" : "asc") + ", id limit :limit offset :offset")
                .params(params)
                .query(ActivityRepository::map)
                .list();
    }

    long countIn(Window w) {
        return jdbc.sql("select count(*) from activity where " + where(w))
                .params(paramsMap(w))
                .query(Long.class)
                .single();
    }

    /** Activities a person runs or is registered for (not cancelled registrations). */
    List<Activity> findFor(String schoolId, String userId, Instant since) {
        return jdbc.sql("""
                        select * from activity a where a.school_id = :school and a.ends_at > :since
                          and (:user = any(a.facilitators)
                               or exists (select 1 from registration r where r.activity_id = a.id
                                          and r.user_id = :user and r.status <> 'CANCELLED'))
                        order by starts_at
                        """)
                .param("school", schoolId)
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(ActivityRepository::map)
                .list();
    }

    List<Activity> findAllOf(String schoolId, Instant since) {
        return jdbc.sql("select * from activity where school_id = :school and ends_at > :since order by starts_at")
                .param("school", schoolId)
                .param("since", Timestamp.from(since))
                .query(ActivityRepository::map)
                .list();
    }

    List<Registration> registrations(UUID activityId) {
        return jdbc.sql("select * from registration where activity_id = :id order by registered_at, user_id")
                .param("id", activityId)
                .query((rs, row) -> new Registration(
                        rs.getString("user_id"),
                        RegistrationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("registered_at").toInstant()))
                .list();
    }

    void save(UUID activityId, Registration r) {
        jdbc.sql("""
                insert into registration (activity_id, user_id, status, registered_at) values (:id, :user, :status, :at)
                on conflict (activity_id, user_id) do update set status = excluded.status, registered_at = excluded.registered_at
                """)
                .param("id", activityId)
                .param("user", r.userId())
                .param("status", r.status().name())
                .param("at", Timestamp.from(r.registeredAt()))
                .update();
    }

    Optional<RegistrationStatus> registrationOf(UUID activityId, String userId) {
        return jdbc.sql("select status from registration where activity_id = :id and user_id = :user")
                .param("id", activityId)
                .param("user", userId)
                .query((rs, row) -> RegistrationStatus.valueOf(rs.getString("status")))
                .optional();
    }

    /** Registrations by status of each of the activities (those with none are left out), in one statement. */
    Map<UUID, Map<String, Long>> registrationCounts(List<UUID> activityIds) {
        Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
        if (activityIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select activity_id, status, count(*) n from registration where activity_id in (:ids)
                        group by activity_id, status
                        """).param("ids", activityIds).query((ResultSet rs) -> {
            counts.computeIfAbsent(rs.getObject("activity_id", UUID.class), k -> new LinkedHashMap<>())
                    .put(rs.getString("status"), rs.getLong("n"));
        });
        return counts;
    }

    /** The person's registration in each of the activities they have one in, in one statement. */
    Map<UUID, RegistrationStatus> registrationsOf(List<UUID> activityIds, String userId) {
        Map<UUID, RegistrationStatus> found = new LinkedHashMap<>();
        if (activityIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select activity_id, status from registration where user_id = :user and activity_id in (:ids)")
                .param("user", userId)
                .param("ids", activityIds)
                .query((ResultSet rs) -> {
                    found.put(
                            rs.getObject("activity_id", UUID.class),
                            RegistrationStatus.valueOf(rs.getString("status")));
                });
        return found;
    }

    Map<String, Long> registrationCounts(UUID activityId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) n from registration where activity_id = :id group by status")
                .param("id", activityId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    void recordAttendance(UUID activityId, String userId, AttendanceStatus status, String by, Instant at) {
        jdbc.sql("""
                insert into attendance (activity_id, user_id, status, recorded_by, recorded_at)
                values (:id, :user, :status, :by, :at)
                on conflict (activity_id, user_id) do update set status = excluded.status,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                """)
                .param("id", activityId)
                .param("user", userId)
                .param("status", status.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Distinct people marked present at any activity of the school starting in [from, to) that is not cancelled. */
    record Reach(int students, int people) {}

    Reach reach(String schoolId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(distinct a.user_id) filter (where p.role = 'student') students,
                       count(distinct a.user_id) people
                from attendance a
                join activity t on t.id = a.activity_id
                left join person p on p.school_id = t.school_id and p.user_id = a.user_id
                where t.school_id = :school and a.status = 'PRESENT' and t.status <> 'CANCELLED'
                  and t.starts_at >= :from and t.starts_at < :to
                """)
                .param("school", schoolId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Reach(rs.getInt("students"), rs.getInt("people")))
                .single();
    }

    Map<String, AttendanceStatus> attendance(UUID activityId) {
        Map<String, AttendanceStatus> sheet = new LinkedHashMap<>();
        jdbc.sql("select user_id, status from attendance where activity_id = :id order by user_id")
                .param("id", activityId)
                .query((ResultSet rs) -> {
                    sheet.put(rs.getString("user_id"), AttendanceStatus.valueOf(rs.getString("status")));
                });
        return sheet;
    }

    private static String where(Window w) {
        StringBuilder sql = new StringBuilder("school_id = :school");
        if (w.from() != null) {
            sql.append(" and ends_at > :from");
        }
        if (w.to() != null) {
            sql.append(" and starts_at < :to");
        }
        if (w.type() != null) {
            sql.append(" and type = :type");
        }
        if (w.seriesId() != null) {
            sql.append(" and series_id = :series");
        }
        return sql.toString();
    }

    private static Map<String, Object> paramsMap(Window w) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("school", w.schoolId());
        if (w.from() != null) {
            p.put("from", Timestamp.from(w.from()));
        }
        if (w.to() != null) {
            p.put("to", Timestamp.from(w.to()));
        }
        if (w.type() != null) {
            p.put("type", w.type());
        }
        if (w.seriesId() != null) {
            p.put("series", w.seriesId());
        }
        return p;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static Activity map(ResultSet rs, int row) throws SQLException {
        Set<AudienceGroup> groups = Arrays.stream(strings(rs.getArray("audience_groups")))
                .map(AudienceGroup::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AudienceGroup.class)));
        Set<CurriculumModule> modules = Arrays.stream(strings(rs.getArray("modules")))
                .map(CurriculumModule::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CurriculumModule.class)));
        String series = rs.getString("series_id");
        return new Activity(
                rs.getObject("id", UUID.class),
                rs.getString("school_id"),
                series == null ? null : UUID.fromString(series),
                ActivityType.valueOf(rs.getString("type")),
                rs.getString("title"),
                new Audience(groups, (Integer) rs.getObject("grade_from"), (Integer) rs.getObject("grade_to")),
                Set.of(strings(rs.getArray("facilitators"))),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("place"),
                (Integer) rs.getObject("capacity"),
                rs.getString("language"),
                rs.getBoolean("open_registration"),
                modules,
                ActivityStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("head_count"),
                rs.getLong("version"));
    }
}
