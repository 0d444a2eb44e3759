package kz.senim.portal.web;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in viewer of the current request, with a fresh access token (refreshed when it has expired).
 * When Keycloak no longer accepts the session, {@link SignInAgain} sends the browser to the login page.
 */
@Component
public class CurrentViewer {

    private final OAuth2AuthorizedClientManager clients;

    CurrentViewer(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** The viewer, or empty on a public page or before signing in. */
    public Optional<Viewer> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        Object cached = request.getAttribute(CurrentViewer.class.getName());
        if (cached instanceof Viewer viewer) {
            return Optional.of(viewer);
        }
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(PortalSecurity.REGISTRATION)
                    .principal(authentication)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), attributes.getResponse())
                    .build());
        } catch (ClientAuthorizationException expired) {
            throw new SignInAgain();
        }
        if (client == null || client.getAccessToken() == null) {
            throw new SignInAgain();
        }
        Viewer viewer = viewerOf(user, client.getAccessToken().getTokenValue());
        request.setAttribute(CurrentViewer.class.getName(), viewer);
        return Optional.of(viewer);
    }

    /** The viewer of a page that requires signing in. */
    public Viewer get() {
        return find().orElseThrow(SignInAgain::new);
    }

    static Viewer viewerOf(OidcUser user, String accessToken) {
        Map<String, Object> claims;
        try {
            claims = JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new SignInAgain();
        }
        Set<String> roles = Set.of();
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            roles = names.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        String school = claims.get("school_id") instanceof String id && !id.isBlank() ? id : null;
        String name = Optional.ofNullable(user.getGivenName())
                .or(() -> Optional.ofNullable(user.getPreferredUsername()))
                .orElse("");
        return new Viewer(String.valueOf(claims.get("sub")), name, school, roles, accessToken);
    }

    /** Thrown when the viewer must sign in (again): their session at Keycloak has ended. */
    public static final class SignInAgain extends RuntimeException {
        public SignInAgain() {
            super("The Keycloak session has ended", null, false, false);
        }
    }
}
