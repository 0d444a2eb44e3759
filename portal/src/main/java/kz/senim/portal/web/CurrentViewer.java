package kz.senim.portal.web;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in viewer of the current request, with a fresh access token (refreshed when it has expired).
 * When Keycloak no longer accepts the session, {@link SignInAgain} sends the browser to the login page.
 */
@Component
public class CurrentViewer {

    private final OAuth2AuthorizedClientManager clients;
    private final OAuth2AuthorizedClientRepository stored;
    private final SignInService keycloak;
    private final Clock clock = Clock.systemUTC();

    CurrentViewer(
            OAuth2AuthorizedClientManager clients, OAuth2AuthorizedClientRepository stored, SignInService keycloak) {
        this.clients = clients;
        this.stored = stored;
        this.keycloak = keycloak;
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
        } catch (ClientAuthorizationException refused) {
            if (!unreachable(refused)) {
                throw new SignInAgain();
            }
            // Keycloak is down while the token is due for a refresh: the token the viewer has still counts
            // until it expires (the services check it against cached keys); after that, nothing can be done.
            keycloak.unreachable();
            client = stored.loadAuthorizedClient(PortalSecurity.REGISTRATION, authentication, request);
            if (client == null || client.getAccessToken() == null || !stillValid(client)) {
                throw new SignInUnavailableNow();
            }
        }
        if (client == null || client.getAccessToken() == null) {
            throw new SignInAgain();
        }
        Viewer viewer = viewerOf(user, client.getAccessToken().getTokenValue());
        request.setAttribute(CurrentViewer.class.getName(), viewer);
        return Optional.of(viewer);
    }

    private boolean stillValid(OAuth2AuthorizedClient client) {
        Instant expires = client.getAccessToken().getExpiresAt();
        return expires != null && expires.isAfter(clock.instant());
    }

    /** Whether a refusal came from not reaching Keycloak at all, rather than from Keycloak's answer. */
    static boolean unreachable(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ResourceAccessException) {
                return true;
            }
        }
        return false;
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

    /** Thrown when the viewer's token has expired and Keycloak cannot be reached to renew it. */
    public static final class SignInUnavailableNow extends RuntimeException {
        public SignInUnavailableNow() {
            super("Keycloak cannot be reached to renew the token", null, false, false);
        }
    }

    /** Thrown when the viewer must sign in (again): their session at Keycloak has ended. */
    public static final class SignInAgain extends RuntimeException {
        public SignInAgain() {
            super("The Keycloak session has ended", null, false, false);
        }
    }
}
