package kz.senim.training.activities;

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

/** Who came: marks per person, and/or a head count of a whole class at a peer lesson. */
public record RecordAttendance(
        @NotNull @Size(max = 500) List<@NotNull @Valid Mark> marks,

        @Min(0) @Max(2000) @Schema(description = "Peer lessons only: how many of the class attended")
        Integer headCount) {

    public record Mark(
            @NotBlank @Size(max = 64) String userId,

            @NotNull @Pattern(regexp = "PRESENT|ABSENT|EXCUSED")
            String status) {}

    @AssertTrue(message = "{MarksOrHeadCount}")
    @Schema(hidden = true)
    public boolean isMarksOrHeadCount() {
        return marks == null || !marks.isEmpty() || headCount != null;
    }

    @AssertTrue(message = "{OneMarkPerPerson}")
    @Schema(hidden = true)
    public boolean isOneMarkPerPerson() {
        return marks == null
                || marks.stream()
                                .filter(m -> m != null && m.userId() != null)
                                .map(Mark::userId)
                                .distinct()
                                .count()
                        == marks.stream()
                                .filter(m -> m != null && m.userId() != null)
                                .count();
    }
}
