package kz.senim.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.senim.portal.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns an API refusal nobody handled into a page in the viewer's language: 404 for what does not exist or
 * may not be seen (never saying which), a plain explanation for a refused action, and a sign-in when the
 * session has ended. Logged by status and reason only, never with content.
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    /** The statuses with words of their own ({@code problem.<status>.*}); any other reads as 500. */
    static final java.util.Set<Integer> PROBLEM_PAGES = java.util.Set.of(400, 403, 404, 405, 409, 413, 429, 503);

    private final LayoutModel layout;

    PortalErrors(LayoutModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(CurrentViewer.SignInAgain.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + PortalSecurity.LOGIN;
    }

    @ExceptionHandler(CurrentViewer.SignInUnavailableNow.class)
    String signInUnavailable() {
        return "forward:" + SignInUnavailable.PATH;
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == 401) {
            return new ModelAndView(signInAgain(request));
        }
        HttpStatus status = switch (problem.status()) {
            case 404 -> HttpStatus.NOT_FOUND;
            case 403 -> HttpStatus.FORBIDDEN;
            case 409, 412, 400, 413, 422 -> HttpStatus.CONFLICT;
            case 429 -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("The API answered {} to a portal call", problem.status());
        }
        ModelAndView page = new ModelAndView("error/problem", status);
        page.addObject("problemStatus", status.value());
        page.addObject("problem", problem);
        frame(page, request);
        return page;
    }

    /**
     * The portal's own refusals (a student on an admin page, a school code that cannot be one): the page of
     * their status in the viewer's frame, not Spring's error page with "something went wrong".
     */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView ownRefusal(ResponseStatusException refused, HttpServletRequest request) {
        int status = refused.getStatusCode().value();
        int shown = PROBLEM_PAGES.contains(status) ? status : 500;
        ModelAndView page = new ModelAndView("error/problem", HttpStatus.valueOf(status));
        page.addObject("problemStatus", shown);
        frame(page, request);
        return page;
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException e, HttpServletRequest request) {
        log.warn("The gateway could not be reached: {}", e.getClass().getSimpleName());
        ModelAndView page = new ModelAndView("error/problem", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("problemStatus", 503);
        frame(page, request);
        return page;
    }

    /**
     * The frame's model (the page's language for {@code <html lang>}, the language switcher, the viewer):
     * {@code @ModelAttribute} methods do not run for an exception handler's view.
     */
    private void frame(ModelAndView page, HttpServletRequest request) {
        page.addObject("language", layout.language());
        page.addObject("languages", layout.languages());
        page.addObject("currentPath", layout.currentPath(request));
        page.addObject("languageLinks", layout.languageLinks(request));
        page.addObject("languageChosen", layout.languageChosen(request));
        try {
            page.addObject("viewer", layout.viewer());
        } catch (CurrentViewer.SignInAgain ended) {
            // the error page is shown without the signed-in frame
        }
    }
}
