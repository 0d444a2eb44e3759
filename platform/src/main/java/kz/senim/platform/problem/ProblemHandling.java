package kz.senim.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kz.senim.platform.web.StorableText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every error of a service as {@code application/problem+json} (RFC 9457): validation lists
 * every field error, domain refusals answer 409 with a reason, and nothing else leaks.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final Problems problems;
    private final MessageSource messages;

    public ProblemHandling(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ResourceNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFound e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "not-found", locale()), request);
    }

    /** A refusal: 409 with its reason, or 403 with its reason when it is about who acts ({@link CallerRefused}). */
    @ExceptionHandler(StateConflict.class)
    ResponseEntity<ProblemDetail> conflict(StateConflict e, HttpServletRequest request) {
        ProblemDetail problem;
        if (e instanceof CallerRefused) {
            problem = problems.problem(HttpStatus.FORBIDDEN, "forbidden", locale());
        } else {
            problem = problems.problem(HttpStatus.CONFLICT, "conflict", locale());
            problem.setType(Problems.STATE_CONFLICT);
        }
        problem.setDetail(messages.getMessage("conflict." + e.reason(), null, e.getMessage(), locale()));
        problem.setProperty("reason", e.reason());
        return respond(problem, request);
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed e, HttpServletRequest request) {
        return respond(problems.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", locale()), request);
    }

    /** The caller has to wait: 429 with {@code Retry-After}. */
    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests e, HttpServletRequest request) {
        ProblemDetail problem =
                problems.problem(HttpStatus.TOO_MANY_REQUESTS, e.key(), locale(), e.retryAfterSeconds());
        problem.setType(Problems.type("too-many-requests"));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(FieldsRefused.class)
    ResponseEntity<ProblemDetail> fieldsRefused(FieldsRefused e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldsRefused.Refusal refusal : e.refusals()) {
            errors.add(error(
                    refusal.field(),
                    refusal.code(),
                    messages.getMessage(refusal.code(), null, refusal.code(), locale())));
        }
        return respond(validation(errors), request);
    }

    /** Constraints on controller parameters of a {@code @Validated} controller, or of a validated service. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = field(violation.getPropertyPath());
            String code = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
            List<Object> args = new ArrayList<>();
            args.add(field);
            new TreeMap<>(violation.getConstraintDescriptor().getAttributes()).forEach((name, value) -> {
                if (!List.of("message", "groups", "payload").contains(name)) {
                    args.add(value);
                }
            });
            errors.add(error(field, code, messages.getMessage(code, args.toArray(), violation.getMessage(), locale())));
        }
        return respond(validation(errors), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            return unauthorized(request);
        }
        return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden", locale()), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return unauthorized(request);
    }

    private ResponseEntity<ProblemDetail> unauthorized(HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", locale());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"senim\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (noDatabaseConnection(e)) {
            // The pool had no connection within its connection-timeout (PostgreSQL stalled or down):
            // the caller may try again, and is told so before the gateway's timeout would answer 504.
            log.warn(
                    "No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", locale()), request);
        }
        // The exception's message may carry user input, so only its type is logged at error level.
        log.error("Unhandled {} on {} {}", e.getClass().getName(), request.getMethod(), request.getRequestURI());
        log.debug("Unhandled exception", e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", locale()), request);
    }

    /** Whether the cause chain says that no database connection could be had in time. */
    static boolean noDatabaseConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A missing required query parameter answers 400 naming it. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(
                List.of(error(
                        e.getParameterName(),
                        "NotNull",
                        messages.getMessage("NotNull", null, "must not be empty", locale()))),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            errors.add(fieldError(error));
        }
        return validationProblem(errors, request);
    }

    /**
     * Constraints on parameters, checked by Spring's method validation. An error inside a {@code @Valid}
     * body names the body's field ({@code word}, {@code rows[1].grade}); other errors name the parameter.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field",
                                error instanceof FieldError fieldError
                                        ? fieldError.getField()
                                        : result.getMethodParameter().getParameterName(),
                                "code",
                                code(error.getCodes()),
                                "message",
                                messages.getMessage(error, locale())))));
        return validationProblem(errors, request);
    }

    /** A query parameter, path variable or header that does not convert: 400 naming the parameter. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : Objects.requireNonNullElse(e.getPropertyName(), "value");
        return validationProblem(List.of(typeMismatch(field)), request);
    }

    /**
     * A JSON value of the wrong type answers 400 naming its JSON path; a body that is no JSON at all
     * answers 400 with the field {@code body}.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
            if (!field.isEmpty()) {
                if (databind instanceof StorableText.Unstorable) {
                    return validationProblem(
                            List.of(error(
                                    field.toString(),
                                    StorableText.CODE,
                                    messages.getMessage(StorableText.CODE, null, "cannot be stored", locale()))),
                            request);
                }
                return validationProblem(List.of(typeMismatch(field.toString())), request);
            }
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.unreadableBody(locale()));
    }

    /** A missing required header answers 400 naming the header. */
    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return validationProblem(
                    List.of(error(
                            missing.getHeaderName(),
                            "NotBlank",
                            messages.getMessage("NotBlank", null, "must not be blank", locale()))),
                    request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    /**
     * Every answer of Spring MVC's own exceptions (405, 406, 413, 415, a {@code ResponseStatusException} of
     * any status, ...) as a Senim problem: the type of its status, title and detail in the caller's language,
     * the instance and the request id; 429 and 503 with {@code Retry-After}. Headers of the exception, such
     * as 405's {@code Allow}, stay.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders answered = new HttpHeaders();
        answered.putAll(headers);
        if (Problems.retriable(statusCode) && !answered.containsHeader(HttpHeaders.RETRY_AFTER)) {
            answered.set(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.DEFAULT_RETRY_AFTER.toSeconds()));
        }
        if (body instanceof ProblemDetail spring && !isSenimType(spring.getType())) {
            int code = statusCode.value();
            ProblemDetail problem =
                    problems.problem(code, Problems.keyOf(code), locale(), answered.getFirst(HttpHeaders.RETRY_AFTER));
            if (spring.getProperties() != null) {
                spring.getProperties().forEach(problem::setProperty);
            }
            body = problem;
        }
        if (body instanceof ProblemDetail problem) {
            String requestId = MDC.get(RequestIds.MDC_KEY);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
            if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
        }
        if (body instanceof ProblemDetail) {
            answered.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, answered, statusCode, request);
    }

    private static boolean isSenimType(@Nullable URI type) {
        return type != null && type.toString().startsWith(Problems.TYPE_BASE);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, Object>> errors, WebRequest request) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(validation(errors));
    }

    private ProblemDetail validation(List<Map<String, Object>> errors) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", locale(), errors.size());
        problem.setType(Problems.VALIDATION);
        problem.setProperty("errors", errors);
        return problem;
    }

    private Map<String, Object> typeMismatch(String field) {
        return error(
                field, "typeMismatch", messages.getMessage("typeMismatch", null, "has an invalid value", locale()));
    }

    private static Map<String, Object> error(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message);
    }

    /** {@code create.arg0.rows[1].grade} → {@code rows[1].grade}: the path without the method's node. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null
                    && !node.getName().isEmpty()
                    && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }

    private Map<String, Object> fieldError(ObjectError error) {
        String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
        return Map.of("field", field, "code", code(error.getCodes()), "message", messages.getMessage(error, locale()));
    }

    private static String code(String @Nullable [] codes) {
        if (codes == null || codes.length == 0) {
            return "invalid";
        }
        return codes[codes.length - 1];
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (Problems.retriable(HttpStatusCode.valueOf(problem.getStatus()))) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.DEFAULT_RETRY_AFTER.toSeconds()));
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
