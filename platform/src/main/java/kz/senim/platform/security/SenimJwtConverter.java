package kz.senim.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps Keycloak's {@code realm_access.roles} to {@code ROLE_<role>} authorities and reads the
 * caller's {@code school_id} and {@code locale} claims into a {@link CurrentUser}.
 */
public class SenimJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CurrentUser user = currentUser(jwt);
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, user.id());
    }

    public static CurrentUser currentUser(Jwt jwt) {
        Set<Role> roles = realmRoles(jwt).stream()
                .map(Role::fromRealmName)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        Optional<String> school =
                Optional.ofNullable(jwt.getClaimAsString("school_id")).filter(s -> !s.isBlank());
        return new CurrentUser(jwt.getSubject(), roles, school, locale(jwt.getClaimAsString("locale")));
    }

    private static Collection<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }

    static Locale locale(String claim) {
        if (claim == null) {
            return Locale.ENGLISH;
        }
        String language = claim.strip().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        if (dash > 0) {
            language = language.substring(0, dash);
        }
        return LANGUAGES.contains(language) ? Locale.of(language) : Locale.ENGLISH;
    }
}
