package kz.senim.membership.club;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import kz.senim.membership.club.domain.Localized;

/** The whole club profile as a coordinator edits it (send it with the {@code If-Match} you read). */
public record EditClubProfile(
        @NotNull @Valid Required name,
        @NotNull @Valid RequiredLong goals,
        @NotNull @Valid RequiredLong tasks,
        @Size(max = 7) List<@NotNull @Valid PrincipleWording> principles,
        @Size(max = 10) List<@NotNull @Valid LeaderEntry> leaders,
        @Size(max = 10) List<@NotNull @Valid SocialLinkEntry> socialLinks,
        @NotNull @Min(1) @Max(11) Integer admissionGradeFrom,
        @NotNull @Min(1) @Max(11) Integer admissionGradeTo,
        @NotNull @Min(1) @Max(500) Integer capacity,
        @Valid OptionalText meetingPlace,
        @Valid OptionalText meetingRhythm) {

    /** A short text that must be given in every language. */
    public record Required(
            @NotBlank @Size(max = 200) String kk,
            @NotBlank @Size(max = 200) String ru,
            @NotBlank @Size(max = 200) String en) {
        Localized localized() {
            return new Localized(kk, ru, en);
        }
    }

    /** A longer text that must be given in every language. */
    public record RequiredLong(
            @NotBlank @Size(max = 2000) String kk,
            @NotBlank @Size(max = 2000) String ru,
            @NotBlank @Size(max = 2000) String en) {
        Localized localized() {
            return new Localized(kk, ru, en);
        }
    }

    /** A text that may be left out, or given in some languages only. */
    public record OptionalText(
            @Size(max = 500) String kk,
            @Size(max = 500) String ru,
            @Size(max = 500) String en) {
        Localized localized() {
            return new Localized(kk, ru, en);
        }
    }

    /** The club's own wording of one principle; what is left out keeps its default. */
    public record PrincipleWording(
            @NotNull @Pattern(regexp = "VOLUNTARINESS|NEUTRALITY|CONFIDENTIALITY|EQUALITY|COOPERATION|OWNERSHIP|FUTURE")
            String principle,

            @Valid Required title,
            @Valid RequiredLong text) {}

    public record LeaderEntry(
            @NotBlank @Size(max = 64) @Schema(description = "Keycloak user id of a coordinator of the school")
            String userId,

            @NotNull @Valid Required title,
            @Size(max = 20) String officeRoom,
            @Size(max = 5) List<@NotNull @Valid Contact> contacts,
            @Valid OptionalText officeHours) {}

    public record Contact(
            @NotNull @Pattern(regexp = "phone|email|instagram|telegram|whatsapp|other")
            String kind,

            @NotBlank @Size(max = 200) String value) {}

    public record SocialLinkEntry(
            @NotNull @Pattern(regexp = "instagram|facebook|tiktok|youtube|telegram|vk|website")
            String network,

            @NotBlank @Size(max = 300) @Pattern(regexp = "https://[^\\s]+")
            String url) {}

    @AssertTrue(message = "{club.admissionGrades.order}")
    @Schema(hidden = true)
    boolean isAdmissionGradesInOrder() {
        return admissionGradeFrom == null || admissionGradeTo == null || admissionGradeFrom <= admissionGradeTo;
    }
}
