package kz.senim.cases.mediation.domain;

import java.util.Optional;

/**
 * Who asked for a mediation, as a kind of person, never as who: what a list shows so that a coordinator can
 * tell requests apart (a child's request, a parent's, a teacher's, one from the trust box).
 */
public enum Asker {
    STUDENT,
    PARENT,
    TEACHER,
    /** Another adult of the school who used the online form (a coordinator, a member of staff). */
    STAFF,
    /** An anonymous sender of the trust box. */
    TRUST_BOX,
    /** Someone who came in person; the coordinator entered the request. */
    IN_PERSON;

    /**
     * @param channel how the request reached the service
     * @param submitterRole the directory role ({@code student}, {@code parent}, …) of whoever filled in the
     *     online form, when the directory knows them
     */
    public static Asker of(Channel channel, Optional<String> submitterRole) {
        return switch (channel) {
            case TRUST_BOX -> TRUST_BOX;
            case IN_PERSON -> IN_PERSON;
            case ONLINE_FORM ->
                switch (submitterRole.orElse("")) {
                    case "student" -> STUDENT;
                    case "parent" -> PARENT;
                    case "teacher" -> TEACHER;
                    default -> STAFF;
                };
        };
    }
}
