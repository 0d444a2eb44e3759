package kz.senim.training.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.senim.training.activities.domain.Audience;
import kz.senim.training.activities.domain.AudienceGroup;
import kz.senim.training.materials.domain.Material;
import kz.senim.training.materials.domain.UploadedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MaterialRepository {

    private final JdbcClient jdbc;

    MaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Material m, String createdBy, Instant now) {
        jdbc.sql("""
                insert into information_material (id, school_id, kind, title, language, audience, link, created_at,
                                                  created_by, version, audience_groups, grade_from, grade_to, status)
                values (:id, :school, :kind, :title, :language, :note, :link, :at, :by, 0, :groups, :gradeFrom,
                        :gradeTo, 'DRAFT')
                """)
                .param("id", m.id())
                .param("school", m.schoolId())
                .param("kind", m.kind().name())
                .param("title", m.title())
                .param("language", m.language())
                .param("note", m.audienceNote())
                .param("link", m.link())
                .param("at", Timestamp.from(now))
                .param("by", createdBy)
                .param(
                        "groups",
                        m.audience().groups().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("gradeFrom", m.audience().gradeFrom())
                .param("gradeTo", m.audience().gradeTo())
                .update();
    }

    boolean update(Material m) {
        return jdbc.sql("""
                        update information_material set status = :status, published_at = :publishedAt,
                                                        version = :version
                        where id = :id and version = :previous
                        """)
                        .param("status", m.status().name())
                        .param("publishedAt", m.publishedAt() == null ? null : Timestamp.from(m.publishedAt()))
                        .param("version", m.version())
                        .param("previous", m.version() - 1)
                        .param("id", m.id())
                        .update()
                == 1;
    }

    Optional<Material> find(String schoolId, UUID id) {
        return jdbc.sql(SELECT + " where m.id = :id and m.school_id = :school")
                .param("id", id)
                .param("school", schoolId)
                .query(MaterialRepository::map)
                .optional();
    }

    List<Material> findAll(String schoolId, boolean publishedOnly) {
        return jdbc.sql(SELECT + " where m.school_id = :school" + (publishedOnly ? " and m.status = 'PUBLISHED'" : "")
                        + " order by m.created_at desc, m.id")
                .param("school", schoolId)
                .query(MaterialRepository::map)
                .list();
    }

    void saveFile(UUID materialId, UploadedFile file) {
        jdbc.sql("""
                insert into material_file (material_id, content_type, size_bytes, sha256, content)
                values (:id, :type, :size, :sha, :content)
                on conflict (material_id) do update set content_type = excluded.content_type,
                    size_bytes = excluded.size_bytes, sha256 = excluded.sha256, content = excluded.content
                """)
                .param("id", materialId)
                .param("type", file.contentType())
                .param("size", file.content().length)
                .param("sha", file.sha256())
                .param("content", file.content())
                .update();
    }

    Optional<UploadedFile> file(UUID materialId) {
        return jdbc.sql("select content_type, content from material_file where material_id = :id")
                .param("id", materialId)
                .query((rs, row) -> new UploadedFile(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    private static final String SELECT = """
            select m.*, exists (select 1 from material_file f where f.material_id = m.id) has_file
            from information_material m""";

    private static Material map(ResultSet rs, int row) throws SQLException {
        EnumSet<AudienceGroup> groups = Arrays.stream(
                        (String[]) rs.getArray("audience_groups").getArray())
                .map(AudienceGroup::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AudienceGroup.class)));
        Timestamp published = rs.getTimestamp("published_at");
        return new Material(
                rs.getObject("id", UUID.class),
                rs.getString("school_id"),
                Material.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("language"),
                new Audience(groups, (Integer) rs.getObject("grade_from"), (Integer) rs.getObject("grade_to")),
                rs.getString("audience"),
                rs.getString("link"),
                rs.getBoolean("has_file"),
                Material.Status.valueOf(rs.getString("status")),
                published == null ? null : published.toInstant(),
                rs.getLong("version"));
    }
}
