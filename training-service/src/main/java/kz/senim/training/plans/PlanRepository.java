package kz.senim.training.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.senim.training.plans.domain.PlanItemStatus;
import kz.senim.training.plans.domain.PlanItemStatus.ActivityOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Item(
            UUID id,
            String schoolId,
            String schoolYear,
            String direction,
            String description,
            String month,
            String responsible,
            boolean cancelled,
            PlanItemStatus reported,
            PlanItemStatus status,
            long version) {}

    void insert(Item item, String by, Instant at) {
        jdbc.sql("""
                insert into plan_item (id, school_id, school_year, direction, description, month, responsible,
                                       cancelled, status, created_by, created_at, version)
                values (:id, :school, :year, :direction, :description, :month, :responsible, false, :status,
                        :by, :at, 0)
                """)
                .param("id", item.id())
                .param("school", item.schoolId())
                .param("year", item.schoolYear())
                .param("direction", item.direction())
                .param("description", item.description())
                .param("month", item.month())
                .param("responsible", item.responsible())
                .param("status", item.status().name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Item> lock(String schoolId, String year, UUID id) {
        return jdbc.sql("select * from plan_item where id = :id and school_id = :school and school_year = :year"
                        + " for update")
                .param("id", id)
                .param("school", schoolId)
                .param("year", year)
                .query(PlanRepository::map)
                .optional();
    }

    Optional<Item> find(String schoolId, String year, UUID id) {
        return jdbc.sql("select * from plan_item where id = :id and school_id = :school and school_year = :year")
                .param("id", id)
                .param("school", schoolId)
                .param("year", year)
                .query(PlanRepository::map)
                .optional();
    }

    List<Item> items(String schoolId, String year) {
        return jdbc.sql("select * from plan_item where school_id = :school and school_year = :year"
                        + " order by month, created_at, id")
                .param("school", schoolId)
                .param("year", year)
                .query(PlanRepository::map)
                .list();
    }

    List<Item> itemsLinkedTo(UUID activityId) {
        return jdbc.sql("""
                        select p.* from plan_item p join plan_item_activity l on l.plan_item_id = p.id
                        where l.activity_id = :activity for update of p
                        """)
                .param("activity", activityId)
                .query(PlanRepository::map)
                .list();
    }

    void update(Item item) {
        jdbc.sql("""
                update plan_item set cancelled = :cancelled, reported_status = :reported, status = :status,
                                     version = version + 1
                where id = :id
                """)
                .param("cancelled", item.cancelled())
                .param(
                        "reported",
                        item.reported() == null ? null : item.reported().name())
                .param("status", item.status().name())
                .param("id", item.id())
                .update();
    }

    /** Links the activity if it is the same school's; false when there is no such activity. */
    boolean link(UUID itemId, String schoolId, UUID activityId) {
        Boolean exists = jdbc.sql("select exists (select 1 from activity where id = :id and school_id = :school)")
                .param("id", activityId)
                .param("school", schoolId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            return false;
        }
        jdbc.sql("insert into plan_item_activity (plan_item_id, activity_id) values (:item, :activity)"
                        + " on conflict do nothing")
                .param("item", itemId)
                .param("activity", activityId)
                .update();
        return true;
    }

    boolean unlink(UUID itemId, UUID activityId) {
        return jdbc.sql("delete from plan_item_activity where plan_item_id = :item and activity_id = :activity")
                        .param("item", itemId)
                        .param("activity", activityId)
                        .update()
                == 1;
    }

    List<UUID> linkedActivities(UUID itemId) {
        return jdbc.sql("select activity_id from plan_item_activity where plan_item_id = :item order by activity_id")
                .param("item", itemId)
                .query(UUID.class)
                .list();
    }

    List<ActivityOutcome> outcomes(UUID itemId) {
        return jdbc.sql("""
                        select a.status from plan_item_activity l join activity a on a.id = l.activity_id
                        where l.plan_item_id = :item
                        """)
                .param("item", itemId)
                .query((rs, row) -> ActivityOutcome.valueOf(rs.getString(1)))
                .list();
    }

    private static Item map(ResultSet rs, int row) throws SQLException {
        String reported = rs.getString("reported_status");
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getString("school_id"),
                rs.getString("school_year"),
                rs.getString("direction"),
                rs.getString("description"),
                rs.getString("month"),
                rs.getString("responsible"),
                rs.getBoolean("cancelled"),
                reported == null ? null : PlanItemStatus.valueOf(reported),
                PlanItemStatus.valueOf(rs.getString("status")),
                rs.getLong("version"));
    }
}
