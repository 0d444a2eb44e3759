package kz.senim.analytics.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import kz.senim.analytics.report.domain.Fact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of events into a store generation, a statement per table for the whole batch: the consumer log
 * ({@code processed_message}), the {@code fact} rows and the version of each school whose facts changed
 * ({@code school_change}).
 */
@Repository
public class FactRepository {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    FactRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A fact to store and the school it belongs to. */
    record SchoolFact(String schoolId, Fact fact) {}

    /**
     * Records the events as processed by the consumer; returns those that were not yet (first deliveries). A
     * redelivered event id is already there and is left out.
     */
    Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String[] ids = eventIds.stream().map(UUID::toString).toArray(String[]::new);
        List<UUID> inserted = jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("""
                            insert into processed_message (consumer, message_id, processed_at)
                            select ?, id::uuid, now() from unnest(?::text[]) as u(id)
                            on conflict do nothing
                            returning message_id""");
                    statement.setString(1, consumer);
                    statement.setArray(2, texts(connection, ids));
                    return statement;
                },
                (rs, n) -> rs.getObject(1, UUID.class));
        return new HashSet<>(inserted);
    }

    /** Stores the facts once per generation (a fact already there changes nothing). */
    void store(int generation, List<SchoolFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        int size = facts.size();
        String[] ids = new String[size];
        String[] types = new String[size];
        String[] schools = new String[size];
        String[] times = new String[size];
        String[] subjects = new String[size];
        String[] attributes = new String[size];
        for (int i = 0; i < size; i++) {
            Fact fact = facts.get(i).fact();
            ids[i] = fact.eventId().toString();
            types[i] = fact.type();
            schools[i] = facts.get(i).schoolId();
            times[i] = fact.occurredAt().toString();
            subjects[i] = fact.subject() == null ? null : fact.subject().toString();
            attributes[i] = json.writeValueAsString(fact.attributes());
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into fact (generation, event_id, event_type, school_id, occurred_at, subject_id, attributes)
                    select ?, e::uuid, t, s, o::timestamptz, sub::uuid, a::jsonb
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(e, t, s, o, sub, a)
                    on conflict do nothing""");
            statement.setInt(1, generation);
            statement.setArray(2, texts(connection, ids));
            statement.setArray(3, texts(connection, types));
            statement.setArray(4, texts(connection, schools));
            statement.setArray(5, texts(connection, times));
            statement.setArray(6, texts(connection, subjects));
            statement.setArray(7, texts(connection, attributes));
            return statement;
        });
    }

    /**
     * Raises the version of each school (and notes the schools whose registration is among the new facts), in the order of their ids (so that two consumers raising the same schools
     * wait for each other rather than deadlock).
     */
    void changed(int generation, SortedSet<String> schools, Set<String> registered) {
        if (schools.isEmpty()) {
            return;
        }
        String[] ids = schools.toArray(String[]::new);
        String[] registrations = schools.stream()
                .map(school -> String.valueOf(registered.contains(school)))
                .toArray(String[]::new);
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into school_change (generation, school_id, version, registered)
                    select ?, s, 1, r::boolean from unnest(?::text[], ?::text[]) with ordinality as u(s, r, n)
                    order by n
                    on conflict (generation, school_id) do update
                    set version = school_change.version + 1,
                        registered = school_change.registered or excluded.registered""");
            statement.setInt(1, generation);
            statement.setArray(2, texts(connection, ids));
            statement.setArray(3, texts(connection, registrations));
            return statement;
        });
    }

    private static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
