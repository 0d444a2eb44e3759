package kz.senim.cases.mediation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import kz.senim.cases.mediation.VersionedSettings;
import kz.senim.cases.mediation.domain.SchoolSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schools' own case settings, one versioned row per school that set them. */
@Repository
public class SchoolSettingsRepository {

    private final JdbcClient jdbc;

    SchoolSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VersionedSettings> find(String schoolId) {
        return jdbc.sql("select * from school_settings where school_id = :school")
                .param("school", schoolId)
                .query((rs, n) -> new VersionedSettings(
                        new SchoolSettings(
                                rs.getInt("mediators_per_case"),
                                rs.getObject("guardian_consent_below_grade", Integer.class),
                                rs.getInt("follow_up_days"),
                                rs.getInt("retention_days"),
                                ZoneId.of(rs.getString("time_zone"))),
                        rs.getLong("version")))
                .optional();
    }

    /**
     * Saves a school's settings if they are still at {@code version} (0 = the school has none
     * yet); false when somebody changed them meanwhile.
     */
    public boolean save(String schoolId, SchoolSettings settings, long version, String by, Instant at) {
        var statement = version == 0 ? jdbc.sql("""
                        insert into school_settings (school_id, mediators_per_case, guardian_consent_below_grade,
                            follow_up_days, retention_days, time_zone, version, updated_at, updated_by)
                        values (:school, :mediators, :guardianBelow, :followUpDays, :retentionDays, :zone, 1, :at, :by)
                        on conflict (school_id) do nothing
                        """) : jdbc.sql("""
                        update school_settings set mediators_per_case = :mediators,
                            guardian_consent_below_grade = :guardianBelow, follow_up_days = :followUpDays,
                            retention_days = :retentionDays, time_zone = :zone, version = version + 1,
                            updated_at = :at, updated_by = :by
                        where school_id = :school and version = :version
                        """).param("version", version);
        return statement
                        .param("school", schoolId)
                        .param("mediators", settings.mediatorsPerCase())
                        .param("guardianBelow", settings.guardianConsentBelowGrade(), java.sql.Types.INTEGER)
                        .param("followUpDays", settings.followUpDays())
                        .param("retentionDays", settings.retentionDays())
                        .param("zone", settings.timeZone().getId())
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }
}
