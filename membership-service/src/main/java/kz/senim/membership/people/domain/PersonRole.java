package kz.senim.membership.people.domain;

import java.util.Locale;
import java.util.Optional;

/** The role a person has in the school's directory (a mediator is a student who is a club member). */
public enum PersonRole {
    STUDENT,
    TEACHER,
    PARENT,
    COORDINATOR,
    ADMIN;

    /** The lower-case name used in Keycloak, events and CSV files. */
    public String realmName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PersonRole> fromRealmName(String name) {
        for (PersonRole role : values()) {
            if (role.realmName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
