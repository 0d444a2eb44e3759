package kz.senim.membership.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A student's application: why they want to join, and when they can take part. */
public record SubmitApplication(
        @NotBlank @Size(max = 2000) String motivation,
        @NotBlank @Size(max = 500) String availability) {}
