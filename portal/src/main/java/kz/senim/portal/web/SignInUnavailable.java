package kz.senim.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While Keycloak is down, signing in cannot work: instead of sending the browser to a login page that will
 * not load, the portal answers 503 with a calm page in the person's language ("try again in a minute;
 * nothing is lost"). People already signed in keep working with the tokens they have
 * ({@link CurrentViewer}).
 */
@Controller
class SignInUnavailable {

    static final String PATH = "/sign-in-unavailable";

    /** Seconds the page asks to wait; Keycloak restarts in about this long. */
    static final String RETRY_AFTER = "30";

    @GetMapping(PATH)
    String page(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        return "error/sign-in-unavailable";
    }

    /** In front of the redirect to Keycloak's login page. */
    static final class BeforeSigningIn extends OncePerRequestFilter {

        private final SignInService keycloak;

        BeforeSigningIn(SignInService keycloak) {
            this.keycloak = keycloak;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/oauth2/authorization/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (keycloak.answers()) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
            request.getRequestDispatcher(PATH).forward(request, response);
        }
    }
}
