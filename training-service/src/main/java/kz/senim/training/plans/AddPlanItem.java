package kz.senim.training.plans;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** An item of the annual plan. */
public record AddPlanItem(
        @NotBlank @Size(max = 200) @Schema(example = "Training young mediators")
        String direction,

        @NotBlank @Size(max = 2000) String description,

        @NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])") @Schema(example = "2026-10")
        String month,

        @NotBlank @Size(max = 64) @Schema(description = "Keycloak subject id of the person responsible")
        String responsibleUserId,

        @Size(max = 100) List<@NotNull UUID> activityIds) {

    /** A school year 2026-2027 runs from September 2026 to August 2027. */
    boolean monthWithin(String schoolYear) {
        int first = Integer.parseInt(schoolYear.substring(0, 4));
        YearMonth m = YearMonth.parse(month);
        return !m.isBefore(YearMonth.of(first, 9)) && !m.isAfter(YearMonth.of(first + 1, 8));
    }
}
