package kz.senim.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles of Keycloak realm {@code senim} (docs/domain.md §2). */
public enum Role {
    STUDENT,
    MEDIATOR,
    TEACHER,
    PARENT,
    COORDINATOR,
    ADMIN;

    /** The name used in Keycloak and in Spring authorities ({@code ROLE_<name>}). */
    public String realmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + realmName();
    }

    public static Optional<Role> fromRealmName(String name) {
        for (Role role : values()) {
            if (role.realmName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
