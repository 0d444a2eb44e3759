package kz.senim.membership.school;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;

/** What an admin sends to register a school. */
public record RegisterSchool(
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]")
        @Schema(example = "demo-gymnasium-1", description = "Slug id: lower-case letters, digits and dashes")
        String id,

        @NotNull @Valid Name names,
        @NotBlank @Size(max = 120) String city,
        @NotBlank @Size(max = 120) String region,

        @Pattern(regexp = "[A-Za-z_]+(/[A-Za-z0-9_+-]+)*") @Schema(example = "Asia/Almaty")
        String timeZone,

        @Pattern(regexp = "kk|ru|en") String defaultLanguage,

        @Min(1) @Max(12) @Schema(description = "Month the school year starts (default 9, September)")
        Integer yearStartMonth) {

    /** Names in kk, ru and en; all three are shown to users in their language. */
    public record Name(
            @NotBlank @Size(max = 200) String kk,
            @NotBlank @Size(max = 200) String ru,
            @NotBlank @Size(max = 200) String en) {}

    School.LocalizedName name() {
        return new School.LocalizedName(names.kk(), names.ru(), names.en());
    }

    @AssertTrue(message = "{TimeZone}")
    @Schema(hidden = true)
    boolean isKnownTimeZone() {
        return timeZone == null || ZoneId.getAvailableZoneIds().contains(timeZone);
    }

    ZoneId timeZoneOrDefault() {
        return timeZone == null ? ZoneId.of("Asia/Almaty") : ZoneId.of(timeZone);
    }

    int yearStartMonthOrDefault() {
        return yearStartMonth == null ? School.DEFAULT_YEAR_START_MONTH : yearStartMonth;
    }

    String defaultLanguageOrDefault() {
        return defaultLanguage == null ? "kk" : defaultLanguage;
    }
}
