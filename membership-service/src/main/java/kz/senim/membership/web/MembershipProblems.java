package kz.senim.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.senim.membership.domain.InvalidInput;
import kz.senim.membership.domain.RefusedByRule;
import kz.senim.platform.problem.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The problems of membership-service that the platform does not know: 412 for a stale
 * {@code If-Match}, 400 for domain field rules, 409 for domain refusals (same shape as the platform's).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MembershipProblems {

    private final Problems problems;
    private final MessageSource messages;

    MembershipProblems(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", locale()), request);
    }

    @ExceptionHandler(RefusedByRule.class)
    ResponseEntity<ProblemDetail> refused(RefusedByRule e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "conflict", locale());
        problem.setType(Problems.STATE_CONFLICT);
        problem.setDetail(messages.getMessage("conflict." + e.reason(), null, e.getMessage(), locale()));
        problem.setProperty("reason", e.reason());
        return respond(problem, request);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> Map.<String, Object>of(
                        "field",
                        p.field(),
                        "code",
                        p.code(),
                        "message",
                        messages.getMessage(p.code(), null, p.code(), locale())))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(
                List.of(Map.of(
                        "field",
                        e.getName(),
                        "code",
                        "TypeMismatch",
                        "message",
                        messages.getMessage("TypeMismatch", null, "has an invalid value", locale()))),
                request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return validation(
                List.of(Map.of(
                        "field",
                        e.getHeaderName(),
                        "code",
                        "NotBlank",
                        "message",
                        messages.getMessage("NotBlank", null, "must not be blank", locale()))),
                request);
    }

    private ResponseEntity<ProblemDetail> validation(List<Map<String, Object>> errors, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", locale(), errors.size());
        problem.setType(Problems.VALIDATION);
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
