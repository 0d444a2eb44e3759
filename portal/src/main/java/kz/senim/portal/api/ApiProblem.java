package kz.senim.portal.api;

import java.util.Map;

/**
 * A refusal of the API (problem+json): its status, the {@code reason} code of a refused state change,
 * its title and detail in the viewer's language, and every field error by field name
 * ({@code description}, {@code parties[0].userId}). Never carries request content.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String reason;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblem(int status, String reason, String title, String detail, Map<String, String> fieldErrors) {
        super("API answered " + status + (reason == null ? "" : " " + reason), null, false, false);
        this.status = status;
        this.reason = reason;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** The machine-readable reason of a 409 (e.g. {@code case-not-open}), or null. */
    public String reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Field name → message in the viewer's language; empty unless the API refused fields (400). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean hasFieldErrors() {
        return !fieldErrors.isEmpty();
    }
}
