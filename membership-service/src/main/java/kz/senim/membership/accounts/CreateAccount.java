package kz.senim.membership.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A person of the school's directory who gets an account: their entry, with the school's own id for them. */
public record CreateAccount(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[\\p{L}\\p{N}._/-]+")
        @Schema(
                example = "2024-0117",
                description = "The school's own id for the person (pupil or staff number), never a national id."
                        + " The same id again finds the same account.")
        String externalId,

        @NotNull @Pattern(regexp = "student|teacher|parent|coordinator|admin")
        String role,

        Integer grade,
        @Size(max = 3) String classLetter,

        @Schema(description = "External ids of the parent's children (students of the same school)")
        Set<@NotBlank @Size(max = 64) String> guardianOf,

        @NotNull @Pattern(regexp = "kk|ru|en") String language,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,

        @Email @Size(max = 255) @Schema(description = "Optional; pupils without one get a first-login code")
        String email) {}
