package kz.senim.membership.school;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SchoolRepository {

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the school; false when a school with that id already exists. */
    boolean insert(School school) {
        return jdbc.sql("""
                        insert into school (id, name_kk, name_ru, name_en, city, region, time_zone, default_language,
                                            registered_at, year_start_month, version)
                        values (:id, :kk, :ru, :en, :city, :region, :zone, :language, :at, :month, 0)
                        on conflict (id) do nothing
                        """)
                        .param("id", school.id())
                        .param("kk", school.name().kk())
                        .param("ru", school.name().ru())
                        .param("en", school.name().en())
                        .param("city", school.city())
                        .param("region", school.region())
                        .param("zone", school.timeZone().getId())
                        .param("language", school.defaultLanguage())
                        .param("at", java.sql.Timestamp.from(school.registeredAt()))
                        .param("month", school.yearStartMonth())
                        .update()
                == 1;
    }

    /** Writes the changed school if it still has the version before the change; false otherwise. */
    boolean update(School school) {
        return jdbc.sql("""
                        update school set name_kk = :kk, name_ru = :ru, name_en = :en, city = :city, region = :region,
                               time_zone = :zone, default_language = :language, year_start_month = :month,
                               version = :version
                        where id = :id and version = :version - 1
                        """)
                        .param("id", school.id())
                        .param("kk", school.name().kk())
                        .param("ru", school.name().ru())
                        .param("en", school.name().en())
                        .param("city", school.city())
                        .param("region", school.region())
                        .param("zone", school.timeZone().getId())
                        .param("language", school.defaultLanguage())
                        .param("month", school.yearStartMonth())
                        .param("version", school.version())
                        .update()
                == 1;
    }

    Optional<School> find(String id) {
        return jdbc.sql("select * from school where id = :id")
                .param("id", id)
                .query(SchoolRepository::map)
                .optional();
    }

    List<School> findAll() {
        return jdbc.sql("select * from school order by id")
                .query(SchoolRepository::map)
                .list();
    }

    /** One page of every school; {@code page.orderBy()} comes from {@link Schools#SORTS} only. */
    List<School> page(PageQuery page) {
        return jdbc.sql("select * from school order by " + page.orderBy() + ", id limit :limit offset :offset")
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(SchoolRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }

    private static School map(ResultSet rs, int row) throws SQLException {
        return new School(
                rs.getString("id"),
                new School.LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
                rs.getString("city"),
                rs.getString("region"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("default_language"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getInt("year_start_month"),
                rs.getLong("version"));
    }
}
