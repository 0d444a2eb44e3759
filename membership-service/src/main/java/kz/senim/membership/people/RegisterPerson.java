package kz.senim.membership.people;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What a coordinator or admin sends to add a person to the school's directory. */
public record RegisterPerson(
        @NotBlank @Size(max = 64) @Schema(description = "Keycloak subject id")
        String userId,

        @NotNull @Pattern(regexp = "student|teacher|parent|coordinator|admin")
        String role,

        Integer grade,
        @Size(max = 3) String classLetter,
        Set<@NotBlank @Size(max = 64) String> guardianOf,
        @NotNull @Pattern(regexp = "kk|ru|en") String language,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName) {}
