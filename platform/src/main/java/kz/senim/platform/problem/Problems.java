package kz.senim.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with titles and details in the caller's language. */
public class Problems {

    /** Where every problem type of Senim lives: {@code https://senim.kz/problems/<name>}. */
    public static final String TYPE_BASE = "https://senim.kz/problems/";

    public static final URI VALIDATION = type("validation");
    public static final URI STATE_CONFLICT = type("state-conflict");

    /** The name of the problem each status answers when nothing more specific is said (docs/api.md). */
    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "precondition-failed"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "server-error"),
            Map.entry(503, "service-unavailable"));

    static final List<Locale> LANGUAGES = List.of(Locale.of("kk"), Locale.of("ru"), Locale.ENGLISH);

    /** How long a 429 or 503 without a more precise answer asks the caller to wait. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The caller's language among kk, ru and en, from {@code Accept-Language}; English otherwise. */
    public static Locale language(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** The stable type URI of the problem {@code name}, e.g. {@code https://senim.kz/problems/not-found}. */
    public static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }

    /** The problem a bare status stands for: {@code not-found} for 404, {@code server-error} for 500 and so on. */
    public static String keyOf(int status) {
        String key = BY_STATUS.get(status);
        if (key != null) {
            return key;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null
                ? known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                : status >= 500 ? "server-error" : "bad-request";
    }

    /**
     * A problem with its type ({@code https://senim.kz/problems/<key>}, but {@code state-conflict} for
     * {@code conflict}), the title and detail of {@code problem.<key>.*} in the caller's language and the
     * request id; the caller sets {@code instance}.
     */
    public ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... args) {
        return problem(status.value(), key, locale, args);
    }

    /** As {@link #problem(HttpStatus, String, Locale, Object...)}, for any status code. */
    public ProblemDetail problem(int status, String key, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType("conflict".equals(key) ? STATE_CONFLICT : type(key));
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        problem.setTitle(messages.getMessage("problem." + key + ".title", null, reason, locale));
        problem.setDetail(messages.getMessage(
                "problem." + key + ".detail",
                args,
                messages.getMessage("problem." + keyOf(status) + ".detail", args, reason, locale),
                locale));
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /**
     * A body that is no JSON at all (or missing): 400 in the validation shape, with the field {@code body}
     * in {@code errors} and the title "Unreadable request".
     */
    public ProblemDetail unreadableBody(Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable", locale);
        problem.setType(VALIDATION);
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field",
                        "body",
                        "code",
                        "unreadable",
                        "message",
                        messages.getMessage("unreadable", null, "is not valid JSON", locale))));
        return problem;
    }

    /** 429 and 503: the statuses that always say when to try again ({@code Retry-After}). */
    public static boolean retriable(HttpStatusCode status) {
        return status.value() == 429 || status.value() == 503;
    }

    public String message(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** Writes a problem from outside Spring MVC (security filters, the error page). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        write(request, response, problem(status, key, language(request)));
    }

    /** Writes a problem from outside Spring MVC; 429 and 503 carry {@code Retry-After} unless one was set. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        if (retriable(status) && response.getHeader(HttpHeaders.RETRY_AFTER) == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DEFAULT_RETRY_AFTER.toSeconds()));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
