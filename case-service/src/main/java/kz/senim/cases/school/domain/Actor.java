package kz.senim.cases.school.domain;

import java.util.Objects;

/** Who gives a command: a person by Keycloak user id, and whether they are a coordinator of the school. */
public record Actor(String userId, boolean coordinator) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
    }

    public static Actor person(String userId) {
        return new Actor(userId, false);
    }

    public static Actor coordinator(String userId) {
        return new Actor(userId, true);
    }
}
