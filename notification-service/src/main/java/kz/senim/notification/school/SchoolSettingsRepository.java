package kz.senim.notification.school;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SchoolSettingsRepository {

    private final JdbcClient jdbc;

    SchoolSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(SchoolSettings school) {
        jdbc.sql("""
                        insert into school (id, time_zone, default_language, registered_at)
                        values (:id, :zone, :language, :at)
                        on conflict (id) do update set time_zone = excluded.time_zone,
                                                       default_language = excluded.default_language
                        """)
                .param("id", school.id())
                .param("zone", school.timeZone().getId())
                .param("language", school.defaultLanguage().getLanguage())
                .param("at", Timestamp.from(school.registeredAt()))
                .update();
    }

    public Optional<SchoolSettings> find(String id) {
        return jdbc.sql("select * from school where id = :id")
                .param("id", id)
                .query((rs, row) -> new SchoolSettings(
                        rs.getString("id"),
                        ZoneId.of(rs.getString("time_zone")),
                        Locale.of(rs.getString("default_language")),
                        rs.getTimestamp("registered_at").toInstant()))
                .optional();
    }
}
