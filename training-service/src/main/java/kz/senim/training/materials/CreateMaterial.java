package kz.senim.training.materials;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import kz.senim.training.activities.ScheduleActivity;
import kz.senim.training.materials.domain.Material;

/** A booklet, memo or poster being prepared; a file can be uploaded to it before it is published. */
public record CreateMaterial(
        @NotNull @Pattern(regexp = "BOOKLET|MEMO|POSTER") String kind,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Pattern(regexp = "kk|ru|en") String language,
        @NotNull @Valid ScheduleActivity.AudienceBody audience,

        @NotBlank @Size(max = 200) @Schema(example = "Students of grades 1-4")
        String audienceNote,

        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+")
        String link) {

    Material toMaterial(UUID id, String school) {
        return new Material(
                id,
                school,
                Material.Kind.valueOf(kind),
                title,
                language,
                audience.toAudience(),
                audienceNote,
                link,
                false,
                Material.Status.DRAFT,
                null,
                0);
    }
}
