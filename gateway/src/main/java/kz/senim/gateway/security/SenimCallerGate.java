package kz.senim.gateway.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The gateway's coarse gate for {@code /api/**}: a valid token must belong to a Senim user, i.e.
 * carry a Senim realm role, and be tied to a school unless it is a (district) admin. Which objects
 * the caller may see is decided by the services.
 */
final class SenimCallerGate implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Set<String> SENIM_AUTHORITIES =
            RealmRoles.SENIM.stream().map(RealmRoles::authority).collect(Collectors.toUnmodifiableSet());

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> (AuthorizationResult) new AuthorizationDecision(admits(caller)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean admits(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken token)) {
            return false;
        }
        Set<String> authorities = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean senimUser = authorities.stream().anyMatch(SENIM_AUTHORITIES::contains);
        String school = token.getToken().getClaimAsString("school_id");
        boolean ofSchool = school != null && !school.isBlank();
        return senimUser && (ofSchool || authorities.contains(RealmRoles.ADMIN));
    }
}
