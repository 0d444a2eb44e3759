package kz.senim.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, first match wins: a {@code lang} parameter (the switcher's links, and the hidden
 * field of public forms); the choice made earlier in this session (public pages keep no session); the {@code locale} claim of the user's Keycloak account; {@code Accept-Language}; Kazakh.
 */
@Component("localeResolver")
public class PortalLocaleResolver implements LocaleResolver {

    static final String PARAMETER = "lang";
    static final String SESSION_ATTRIBUTE = PortalLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<Locale> asked = Languages.of(request.getParameter(PARAMETER));
        if (asked.isPresent()) {
            // Kept for the session, if there is one: a signed-in user's, or the one that holds a sign-in in
            // progress (so the language chosen before signing in stays after it). Public pages have none.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, asked.get());
            }
            return asked.get();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
            return chosen;
        }
        return claimed()
                .or(() -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(Languages.FALLBACK);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpSession session = request.getSession(false);
        if (session != null && locale != null) {
            session.setAttribute(SESSION_ATTRIBUTE, locale);
        }
    }

    private static Optional<Locale> claimed() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Languages.of(user.getClaimAsString("locale"));
        }
        return Optional.empty();
    }
}
