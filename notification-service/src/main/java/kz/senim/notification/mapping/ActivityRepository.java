package kz.senim.notification.mapping;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities and their registrations, from training-service's events: who to tell when one changes. */
@Repository
class ActivityRepository {

    record Audience(
            String schoolId, List<String> groups, Integer gradeFrom, Integer gradeTo, List<String> facilitatorIds) {}

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void schedule(UUID activityId, Audience audience, Instant startsAt) {
        jdbc.sql("""
                        insert into activity (activity_id, school_id, audience_groups, grade_from, grade_to,
                                              facilitator_ids, starts_at)
                        values (:id, :school, :groups, :from, :to, :facilitators, :starts)
                        on conflict (activity_id) do update set audience_groups = excluded.audience_groups,
                            grade_from = excluded.grade_from, grade_to = excluded.grade_to,
                            facilitator_ids = excluded.facilitator_ids, starts_at = excluded.starts_at
                        """)
                .param("id", activityId)
                .param("school", audience.schoolId())
                .param("groups", audience.groups().toArray(String[]::new))
                .param("from", audience.gradeFrom())
                .param("to", audience.gradeTo())
                .param("facilitators", audience.facilitatorIds().toArray(String[]::new))
                .param("starts", Timestamp.from(startsAt))
                .update();
    }

    Optional<Audience> audience(UUID activityId) {
        return jdbc.sql("select * from activity where activity_id = :id")
                .param("id", activityId)
                .query((rs, row) -> new Audience(
                        rs.getString("school_id"),
                        Arrays.asList((String[]) rs.getArray("audience_groups").getArray()),
                        rs.getObject("grade_from", Integer.class),
                        rs.getObject("grade_to", Integer.class),
                        Arrays.asList((String[]) rs.getArray("facilitator_ids").getArray())))
                .optional();
    }

    void register(UUID activityId, String userId, String status) {
        jdbc.sql("""
                        insert into activity_registration (activity_id, user_id, status) values (:id, :user, :status)
                        on conflict (activity_id, user_id) do update set status = excluded.status
                        """)
                .param("id", activityId)
                .param("user", userId)
                .param("status", status)
                .update();
    }

    /** Those with a confirmed place. */
    List<String> confirmed(UUID activityId) {
        return jdbc.sql("""
                        select user_id from activity_registration
                        where activity_id = :id and status = 'REGISTERED'
                        order by user_id
                        """).param("id", activityId).query(String.class).list();
    }

    /** Those registered or waitlisted. */
    List<String> registered(UUID activityId) {
        return jdbc.sql("""
                        select user_id from activity_registration
                        where activity_id = :id and status in ('REGISTERED', 'WAITLISTED')
                        order by user_id
                        """).param("id", activityId).query(String.class).list();
    }
}
