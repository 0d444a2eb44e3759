package kz.senim.cases.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kz.senim.platform.problem.Problems;
import kz.senim.platform.problem.RequestIds;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.databind.DatabindException;

/**
 * Names every bad field in a 400, where the platform does not yet: a field of the wrong JSON type
 * (text where a number belongs, a bad UUID or time), and the fields of a body validated together
 * with a header (the platform names only the parameter). This belongs in the platform eventually.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestFieldErrors {

    private final Problems problems;
    private final MessageSource messages;

    RequestFieldErrors(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof DatabindException wrong && !wrong.getPath().isEmpty()) {
            String field = path(wrong.getPath());
            problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", LocaleContextHolder.getLocale(), 1);
            problem.setType(Problems.VALIDATION);
            problem.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field",
                            field,
                            "code",
                            "type",
                            "message",
                            problems.message(
                                    "Type", LocaleContextHolder.getLocale(), "has the wrong type or format"))));
        } else {
            // not JSON at all: the platform's answer, naming the field body
            problem = problems.unreadableBody(LocaleContextHolder.getLocale());
        }
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors fields) {
                fields.getAllErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field",
                                error instanceof FieldError fe
                                        ? fe.getField()
                                        : result.getMethodParameter().getParameterName(),
                                "code",
                                code(error.getCodes()),
                                "message",
                                messages.getMessage(error, locale))));
            } else {
                result.getResolvableErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field", result.getMethodParameter().getParameterName(),
                                "code", code(error.getCodes()),
                                "message", messages.getMessage(error, locale))));
            }
        }
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", locale, errors.size());
        problem.setType(Problems.VALIDATION);
        problem.setProperty("errors", errors);
        return finish(problem, request);
    }

    private static String code(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    private static ResponseEntity<ProblemDetail> finish(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(List<DatabindException.Reference> references) {
        return references.stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
