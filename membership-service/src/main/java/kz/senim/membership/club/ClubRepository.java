package kz.senim.membership.club;

import java.util.List;
import java.util.Optional;
import kz.senim.membership.club.domain.AdmissionGrades;
import kz.senim.membership.club.domain.ClubProfile;
import kz.senim.membership.club.domain.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The club profile: texts as a JSON document, the settings that rules use as columns. */
@Repository
class ClubRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ClubRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The texts of a profile as stored. */
    record Texts(
            Localized name,
            Localized goals,
            Localized tasks,
            List<ClubProfile.PrincipleText> principles,
            List<ClubProfile.Leader> leaders,
            List<ClubProfile.SocialLink> socialLinks,
            Localized meetingPlace,
            Localized meetingRhythm) {}

    Optional<ClubProfile> find(String schoolId) {
        return jdbc.sql("select * from club where school_id = :school")
                .param("school", schoolId)
                .query((rs, row) -> {
                    Texts t = json.readValue(rs.getString("profile"), Texts.class);
                    return new ClubProfile(
                            schoolId,
                            t.name(),
                            t.goals(),
                            t.tasks(),
                            t.principles(),
                            t.leaders() == null ? List.of() : t.leaders(),
                            t.socialLinks() == null ? List.of() : t.socialLinks(),
                            new AdmissionGrades(rs.getInt("admission_grade_from"), rs.getInt("admission_grade_to")),
                            rs.getInt("capacity"),
                            t.meetingPlace(),
                            t.meetingRhythm(),
                            rs.getLong("version"));
                })
                .optional();
    }

    /** Inserts or replaces the profile when the stored version is {@code expected} (or there is none yet at 0). */
    boolean save(ClubProfile club, long expected) {
        String profile = json.writeValueAsString(new Texts(
                club.name(),
                club.goals(),
                club.tasks(),
                club.principles(),
                club.leaders(),
                club.socialLinks(),
                club.meetingPlace(),
                club.meetingRhythm()));
        return jdbc.sql("""
                        insert into club (school_id, profile, admission_grade_from, admission_grade_to, capacity, version)
                        values (:school, cast(:profile as jsonb), :from, :to, :capacity, :expected + 1)
                        on conflict (school_id) do update
                           set profile = excluded.profile, admission_grade_from = excluded.admission_grade_from,
                               admission_grade_to = excluded.admission_grade_to, capacity = excluded.capacity,
                               version = club.version + 1
                         where club.version = :expected
                        """)
                        .param("school", club.schoolId())
                        .param("profile", profile)
                        .param("from", club.admissionGrades().from())
                        .param("to", club.admissionGrades().to())
                        .param("capacity", club.capacity())
                        .param("expected", expected)
                        .update()
                == 1;
    }
}
