package kz.senim.analytics.generation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.senim.analytics.ingest.EventFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code store_generation} table: one LIVE generation answers reports, at most one BUILDING replaces it. */
@Repository
public class Generations {

    private final JdbcClient jdbc;

    Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation reports read. */
    public int live() {
        return jdbc.sql("select id from store_generation where status = 'LIVE'")
                .query(Integer.class)
                .single();
    }

    public Optional<Integer> building() {
        return jdbc.sql("select id from store_generation where status = 'BUILDING'")
                .query(Integer.class)
                .optional();
    }

    /** The generations that consume: the live one and the one being built. */
    List<Integer> consuming() {
        return jdbc.sql("select id from store_generation where status in ('LIVE', 'BUILDING') order by id")
                .query(Integer.class)
                .list();
    }

    public List<Generation> all() {
        return jdbc.sql("select id, status, requested_at, live_since, retired_at from store_generation order by id")
                .query((rs, n) -> new Generation(
                        rs.getInt("id"),
                        rs.getString("status"),
                        instant(rs.getObject("requested_at", OffsetDateTime.class)),
                        instant(rs.getObject("live_since", OffsetDateTime.class)),
                        instant(rs.getObject("retired_at", OffsetDateTime.class))))
                .list();
    }

    /** Starts a rebuild, or returns the one already under way. */
    @Transactional
    public int requestRebuild() {
        jdbc.sql("lock table store_generation in exclusive mode").update();
        Optional<Integer> building = building();
        if (building.isPresent()) {
            return building.get();
        }
        int next = jdbc.sql("select max(id) + 1 from store_generation")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into store_generation (id, status) values (:id, 'BUILDING')")
                .param("id", next)
                .update();
        return next;
    }

    /**
     * Makes the built generation the live one and drops the facts and consumer log of the one it replaces. False
     * when another instance did it first.
     */
    @Transactional
    public boolean promote(int building) {
        jdbc.sql("lock table store_generation in exclusive mode").update();
        if (!building().equals(Optional.of(building))) {
            return false;
        }
        int live = live();
        // one LIVE row at a time (a unique index): retire first
        jdbc.sql("update store_generation set status = 'RETIRED', retired_at = now() where id = :id")
                .param("id", live)
                .update();
        jdbc.sql("update store_generation set status = 'LIVE', live_since = now() where id = :id")
                .param("id", building)
                .update();
        jdbc.sql("delete from fact where generation = :id").param("id", live).update();
        jdbc.sql("delete from school_change where generation = :id")
                .param("id", live)
                .update();
        jdbc.sql("delete from processed_message where consumer = :consumer")
                .param("consumer", EventFacts.consumer(live))
                .update();
        return true;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
