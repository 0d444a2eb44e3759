package kz.senim.membership.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.platform.keycloak.KeycloakAdminApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The realm's users, through Keycloak's Admin REST API as the service account of
 * {@code senim-services}. The token is Spring Security's business ({@link KeycloakAdminApi}); this class
 * only says which calls Senim makes. Nothing it sends (names, temporary passwords) is logged.
 */
@Component
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakUsers {

    private final RestClient admin;
    private final Map<String, Map<?, ?>> roles = new ConcurrentHashMap<>();

    KeycloakUsers(KeycloakProperties keycloak, Clock clock) {
        this.admin =
                KeycloakAdminApi.of(keycloak.serviceAccount(), clock, Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    /** A new account: the username must be free in the realm. */
    public record NewUser(
            String username, String firstName, String lastName, String email, String schoolId, String locale) {}

    /** What Senim reads of an account. */
    public record User(
            String id,
            String username,
            boolean enabled,
            String schoolId,
            List<String> requiredActions,
            Instant createdAt) {}

    /**
     * Creates the enabled user with its {@code school_id} and {@code locale} attributes.
     *
     * @return the new user's id, or empty when the username is taken already (409)
     */
    public Optional<String> create(NewUser user) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", user.username());
        body.put("enabled", true);
        body.put("firstName", user.firstName());
        body.put("lastName", user.lastName());
        if (user.email() != null) {
            body.put("email", user.email());
            body.put("emailVerified", false);
        }
        body.put("attributes", Map.of("school_id", List.of(user.schoolId()), "locale", List.of(user.locale())));
        try {
            ResponseEntity<Void> created =
                    admin.post().uri("/users").body(body).retrieve().toBodilessEntity();
            String location = String.valueOf(created.getHeaders().getLocation());
            return Optional.of(location.substring(location.lastIndexOf('/') + 1));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The user with exactly this username. */
    public Optional<User> byUsername(String username) {
        List<?> found = admin.get()
                .uri(u -> u.path("/users")
                        .queryParam("username", username)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(List.class);
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(user((Map<?, ?>) found.get(0)));
    }

    /** The user, or empty when Keycloak has none with this id. */
    public Optional<User> byId(String userId) {
        try {
            return Optional.ofNullable(
                            admin.get().uri("/users/{id}", userId).retrieve().body(Map.class))
                    .map(KeycloakUsers::user);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Gives the user the realm role; false when Keycloak has no such user. */
    public boolean grantRealmRole(String userId, String role) {
        return roleMapping(userId, role, true);
    }

    /** Takes the realm role from the user; false when Keycloak has no such user. */
    public boolean revokeRealmRole(String userId, String role) {
        return roleMapping(userId, role, false);
    }

    /** Disables (or enables again) the account; false when Keycloak has no such user. */
    public boolean enable(String userId, boolean enabled) {
        return found(() -> admin.put()
                .uri("/users/{id}", userId)
                .body(Map.of("enabled", enabled))
                .retrieve()
                .toBodilessEntity());
    }

    /** Ends every session of the user; false when Keycloak has no such user. */
    public boolean endSessions(String userId) {
        return found(
                () -> admin.post().uri("/users/{id}/logout", userId).retrieve().toBodilessEntity());
    }

    /**
     * Sets a password. A temporary one makes Keycloak add the {@code UPDATE_PASSWORD} required action, so the
     * user must choose a password at the next sign-in. Keycloak keeps only its hash.
     */
    public boolean setPassword(String userId, String password, boolean temporary) {
        return found(() -> admin.put()
                .uri("/users/{id}/reset-password", userId)
                .body(Map.of("type", "password", "value", password, "temporary", temporary))
                .retrieve()
                .toBodilessEntity());
    }

    /**
     * True when the user has a password of their own: a password credential and no {@code UPDATE_PASSWORD}
     * required action (someone who has not yet signed in with their first-login code has the action).
     */
    public boolean hasOwnPassword(String userId) {
        List<?> credentials;
        try {
            credentials = admin.get()
                    .uri("/users/{id}/credentials", userId)
                    .retrieve()
                    .body(List.class);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        boolean password = credentials != null
                && credentials.stream().anyMatch(c -> c instanceof Map<?, ?> m && "password".equals(m.get("type")));
        return password
                && byId(userId)
                        .map(u -> !u.requiredActions().contains("UPDATE_PASSWORD"))
                        .orElse(false);
    }

    private boolean roleMapping(String userId, String role, boolean grant) {
        // A realm role's id is fixed for the life of the realm: read once, not once per account of an import.
        Map<?, ?> representation = roles.computeIfAbsent(
                role, name -> admin.get().uri("/roles/{role}", name).retrieve().body(Map.class));
        List<Map<String, Object>> mapping =
                List.of(Map.of("id", representation.get("id"), "name", representation.get("name")));
        return found(() -> (grant ? admin.post() : admin.method(org.springframework.http.HttpMethod.DELETE))
                .uri("/users/{id}/role-mappings/realm", userId)
                .body(mapping)
                .retrieve()
                .toBodilessEntity());
    }

    private static boolean found(Runnable call) {
        try {
            call.run();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static User user(Map<?, ?> json) {
        String school = null;
        if (json.get("attributes") instanceof Map<?, ?> attributes
                && attributes.get("school_id") instanceof List<?> values
                && !values.isEmpty()) {
            school = String.valueOf(values.get(0));
        }
        List<String> actions = json.get("requiredActions") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        return new User(
                String.valueOf(json.get("id")),
                String.valueOf(json.get("username")),
                !Boolean.FALSE.equals(json.get("enabled")),
                school,
                actions,
                json.get("createdTimestamp") instanceof Number millis
                        ? Instant.ofEpochMilli(millis.longValue())
                        : Instant.EPOCH);
    }
}
