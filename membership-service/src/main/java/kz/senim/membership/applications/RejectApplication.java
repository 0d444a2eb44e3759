package kz.senim.membership.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the application is rejected; the applicant sees it, events never carry it. */
public record RejectApplication(@NotBlank @Size(max = 1000) String reason) {}
