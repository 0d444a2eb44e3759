package kz.senim.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import kz.senim.cases.mediation.domain.ActorRefused;
import kz.senim.platform.problem.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A command refused because of who gives it (someone consenting, signing or withdrawing for another, or
 * doing the team's work) answers 403 with its {@code reason}, like any other refusal of the caller; a
 * refusal because of the case's state stays a 409.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActorRefusals {

    private final Problems problems;

    ActorRefusals(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ActorRefused.class)
    ResponseEntity<ProblemDetail> refused(ActorRefused e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.FORBIDDEN, "forbidden", LocaleContextHolder.getLocale());
        problem.setDetail(problems.message("conflict." + e.reason(), LocaleContextHolder.getLocale(), e.getMessage()));
        problem.setProperty("reason", e.reason());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
