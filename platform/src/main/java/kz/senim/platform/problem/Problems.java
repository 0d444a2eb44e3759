package kz.senim.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with titles and details in the caller's language. */
public class Problems {

    public static final URI VALIDATION = URI.create("https://senim.kz/problems/validation");
    public static final URI STATE_CONFLICT = URI.create("https://senim.kz/problems/state-conflict");
    static final List<Locale> LANGUAGES = List.of(Locale.of("kk"), Locale.of("ru"), Locale.ENGLISH);

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

    public ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("problem." + key + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + key + ".detail", args, null, locale));
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public String message(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** Writes a problem from outside Spring MVC (security filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemDetail problem = problem(status, key, language(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
