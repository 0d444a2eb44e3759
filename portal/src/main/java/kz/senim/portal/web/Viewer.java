package kz.senim.portal.web;

import java.util.Set;

/**
 * The signed-in person looking at a page, as their access token says: who, their school and their realm
 * roles. The portal uses the roles only to choose which links and screens to offer; the services decide
 * what each role may see and do.
 *
 * @param userId the Keycloak subject, by which Senim knows people
 * @param displayName the name to greet them with (their own name, shown only to them)
 * @param schoolId their school, or null for a district admin
 * @param roles realm roles: student, mediator, teacher, parent, coordinator, admin
 * @param accessToken the bearer token for the API (never rendered)
 */
public record Viewer(String userId, String displayName, String schoolId, Set<String> roles, String accessToken) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isStudent() {
        return is("student");
    }

    public boolean isMediator() {
        return is("mediator");
    }

    public boolean isCoordinator() {
        return is("coordinator");
    }

    public boolean isAdmin() {
        return is("admin");
    }

    /** Teachers and parents ask on behalf of a child or class, and see status only. */
    public boolean isAdult() {
        return is("teacher") || is("parent");
    }

    /** May ask for mediation or advice. */
    public boolean mayAsk() {
        return isStudent() || isAdult();
    }

    public boolean isDistrictAdmin() {
        return isAdmin() && schoolId == null;
    }

    @Override
    public String toString() {
        return "Viewer[" + userId + "]";
    }
}
