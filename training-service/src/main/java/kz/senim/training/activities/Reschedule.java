package kz.senim.training.activities;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Another time (and optionally place) for one activity or one occurrence of a series. */
public record Reschedule(
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @Size(min = 1, max = 200) String place) {

    @AssertTrue(message = "{EndsAfterStart}")
    @Schema(hidden = true)
    public boolean isEndsAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }
}
