package kz.senim.training.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import kz.senim.platform.problem.Problems;
import org.slf4j.MDC;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.DatabindException;

/**
 * Problems the platform answers without field errors, answered here with them: a JSON value of the
 * wrong type (e.g. a malformed time), a query parameter that does not parse, a stale If-Match.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

    private final Problems problems;

    RequestProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (var reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return validation(field.toString(), "typeMismatch", request);
        }
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "unreadable", LocaleContextHolder.getLocale());
        problem.setType(Problems.VALIDATION);
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field",
                        "body",
                        "code",
                        "unreadable",
                        "message",
                        problems.message("unreadable", LocaleContextHolder.getLocale(), "is not valid JSON"))));
        return respond(problem, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return validation(e.getName(), "typeMismatch", request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return validation("file", "FileTooLarge", request);
    }

    @ExceptionHandler(FieldRefused.class)
    ResponseEntity<ProblemDetail> refused(FieldRefused e, HttpServletRequest request) {
        return validation(e.field(), e.code(), request);
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> stale(PreconditionFailed e, HttpServletRequest request) {
        return respond(
                problems.problem(
                        HttpStatus.PRECONDITION_FAILED, "precondition-failed", LocaleContextHolder.getLocale()),
                request);
    }

    /** A single field error in the platform's validation problem shape. */
    public ResponseEntity<ProblemDetail> validation(String field, String code, HttpServletRequest request) {
        ProblemDetail problem =
                problems.problem(HttpStatus.BAD_REQUEST, "validation", LocaleContextHolder.getLocale(), 1);
        problem.setType(Problems.VALIDATION);
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field", field,
                        "code", code,
                        "message", problems.message(code, LocaleContextHolder.getLocale(), code))));
        return respond(problem, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
