package kz.senim.platform.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/** The shape of every error answer (RFC 9457), for the OpenAPI documents only. */
@Schema(
        name = "Problem",
        description = "An error (RFC 9457, `application/problem+json`), with title and detail in the language of "
                + "`Accept-Language` (kk, ru, en).")
record Problem(
        @Schema(
                description = "`https://senim.kz/problems/<slug>` for a problem with a meaning of its own "
                        + "(`validation`, `state-conflict`, the gateway's own), otherwise `about:blank`",
                example = "https://senim.kz/problems/state-conflict")
        URI type,

        @Schema(description = "A short, human-readable summary", example = "Conflict")
        String title,

        @Schema(description = "The HTTP status", example = "409")
        int status,

        @Schema(description = "What happened, for a person to read")
        String detail,

        @Schema(
                description = "The path that was called",
                format = "uri-reference",
                example = "/api/cases/0d9c4a8e-3f0b-4c1e-9a51-7d1f0e2b6c11/triage")
        String instance,

        @Schema(description = "The `X-Request-Id` of the call: quote it when reporting an error")
        String requestId,

        @Schema(
                description =
                        "A stable code saying which rule refused the call (409, and 403 for who gives " + "a command)",
                example = "case-not-open")
        String reason,

        @Schema(description = "Every field in error (400 validation problems)")
        List<FieldError> errors) {

    @Schema(name = "FieldError", description = "One field in error")
    record FieldError(
            @Schema(description = "The field, parameter or JSON path in error", example = "parties[1].grade")
            String field,

            @Schema(description = "The broken rule", example = "NotBlank")
            String code,

            @Schema(description = "What is wrong, in the caller's language", example = "must not be blank")
            String message) {}
}
