package kz.senim.membership.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The whole new directory entry of a person (send it with the {@code If-Match} of what you read). */
public record UpdatePerson(
        @NotNull @Pattern(regexp = "student|teacher|parent|coordinator|admin")
        String role,

        Integer grade,
        @Size(max = 3) String classLetter,
        Set<@NotBlank @Size(max = 64) String> guardianOf,
        @NotNull @Pattern(regexp = "kk|ru|en") String language,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName) {}
