package kz.senim.platform.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The caller, as the token from Keycloak describes them: subject id, Senim roles, school and
 * preferred language. Declare it as a controller method parameter to receive it.
 *
 * @param id the Keycloak subject id ({@code sub})
 * @param roles the Senim realm roles of the caller
 * @param schoolId the caller's school ({@code school_id} claim); empty only for a district admin
 * @param locale the caller's preferred language ({@code locale} claim), one of kk, ru, en
 */
public record CurrentUser(String id, Set<Role> roles, Optional<String> schoolId, Locale locale) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** An admin without a school sees the aggregated district view only. */
    public boolean isDistrictAdmin() {
        return has(Role.ADMIN) && schoolId.isEmpty();
    }

    /** True when the caller belongs to the given school. */
    public boolean belongsTo(String school) {
        return schoolId.map(school::equals).orElse(false);
    }
}
