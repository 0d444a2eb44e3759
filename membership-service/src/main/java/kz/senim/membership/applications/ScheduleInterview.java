package kz.senim.membership.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** When and where the interview is, and which coordinator (user id) interviews. */
public record ScheduleInterview(
        @NotNull OffsetDateTime at,
        @NotBlank @Size(max = 200) String place,
        @NotBlank @Size(max = 64) String interviewerId) {}
