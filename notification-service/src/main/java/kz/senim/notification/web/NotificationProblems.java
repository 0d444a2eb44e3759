package kz.senim.notification.web;

import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** 400 problems of this service in the platform's shape (type validation, every field error). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

    private final Problems problems;
    private final MessageSource messages;

    NotificationProblems(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return validation(e.problems());
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed e) {
        ProblemDetail problem = problems.problem(
                HttpStatus.PRECONDITION_FAILED, "precondition-failed", LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new InvalidInput.FieldProblem(e.getName(), "TypeMismatch")));
    }

    private ResponseEntity<ProblemDetail> validation(List<InvalidInput.FieldProblem> fieldProblems) {
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = fieldProblems.stream()
                .map(p -> Map.<String, Object>of(
                        "field", p.field(),
                        "code", p.code(),
                        "message", messages.getMessage(p.code(), null, p.code(), locale)))
                .toList();
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "validation", locale, errors.size());
        problem.setType(Problems.VALIDATION);
        problem.setProperty("errors", errors);
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
