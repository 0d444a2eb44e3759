package kz.senim.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak realm roles ({@code realm_access.roles}) as {@code ROLE_<role>} authorities. */
final class RealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** The realm roles of docs/domain.md §2; Keycloak's own defaults (offline_access, …) are not among them. */
    static final Set<String> SENIM = Set.of("student", "mediator", "teacher", "parent", "coordinator", "admin");

    static final String ADMIN = authority("admin");

    static String authority(String role) {
        return "ROLE_" + role;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(authority(String.valueOf(role))))
                .toList();
    }
}
