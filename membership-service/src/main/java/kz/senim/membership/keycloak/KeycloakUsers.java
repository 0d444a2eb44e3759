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

    /** Keycloak's required action of choosing a password. */
    public static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    /** Keycloak's required action of confirming the e-mail address. */
    public static final String VERIFY_EMAIL = "VERIFY_EMAIL";

    private final RestClient admin;
    /**
     * The same API for {@link #createAll}: one call makes a whole chunk in one Keycloak transaction, seconds on a
     * busy machine, and a call given up while Keycloak still works leaves the import failed (to be finished by a
     * re-run), so it may take longer than the single calls' 10 s.
     */
    private final RestClient bulk;

    static final Duration BULK_READ_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A name the realm's user profile accepts for sure (letters, marks, digits, spaces, {@code . ' ’ -}): only such
     * names go through {@link #createAll}, which does not apply the profile.
     */
    private static final java.util.regex.Pattern PLAIN_NAME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N} .'’-]+");

    private final Map<String, Map<?, ?>> roles = new ConcurrentHashMap<>();
    private final String realmName;
    private volatile String defaultRoleName;

    KeycloakUsers(KeycloakProperties keycloak, Clock clock) {
        this.realmName = keycloak.realm();
        this.admin =
                KeycloakAdminApi.of(keycloak.serviceAccount(), clock, Duration.ofSeconds(3), Duration.ofSeconds(10));
        this.bulk = KeycloakAdminApi.of(keycloak.serviceAccount(), clock, Duration.ofSeconds(3), BULK_READ_TIMEOUT);
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
        Map<String, Object> body = representation(user);
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

    /**
     * Creates many users in one call and one Keycloak transaction, each enabled, with its {@code school_id} and
     * {@code locale}, its required actions (as {@link #create}) and its realm role beside the realm's default roles.
     * It is the realm's partial import ({@code POST /admin/realms/{realm}/partialImport}, {@code ifResourceExists:
     * SKIP}), the only Admin API call that takes a user's realm role with the user: {@code POST /users} ignores
     * {@code realmRoles} (keycloak/keycloak#46759), so each user would cost a second call. It checks less than
     * {@code POST /users}: the realm's user profile is not applied, so Senim validates names and attributes before
     * (a name with anything but letters, digits, spaces and {@code . ' ’ -} is not sent: it is left to
     * {@link #create}, whose profile check may refuse it), and the role must exist (a role it does not know would be created: only
     * {@link #realmRoleExists known} roles are sent).
     *
     * @param createdAt the creation time written on every user (the partial import writes none of its own)
     * @return the new users' ids by username, or empty when Keycloak refused the whole call (409: e.g. two users of
     *     the call with one e-mail address; 403: the service account lacks {@code manage-realm}); a user whose username (or e-mail address) Keycloak had already is
     *     skipped and not in the map
     */
    public Optional<Map<String, String>> createAll(
            List<NewUser> users, Map<String, String> roleByUsername, Instant createdAt) {
        String defaultRoles = defaultRoles();
        List<Map<String, Object>> representations = new java.util.ArrayList<>();
        for (NewUser user : users) {
            if (!PLAIN_NAME.matcher(user.firstName()).matches()
                    || !PLAIN_NAME.matcher(user.lastName()).matches()) {
                continue; // left to POST /users, where the realm's user profile checks the name
            }
            String role = roleByUsername.get(user.username());
            if (!realmRoleExists(role)) {
                throw new IllegalArgumentException("Not a realm role: " + role);
            }
            Map<String, Object> body = representation(user);
            body.put("createdTimestamp", createdAt.toEpochMilli());
            body.put("realmRoles", List.of(defaultRoles, role));
            representations.add(body);
        }
        if (representations.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<?, ?> results;
        try {
            results = bulk.post()
                    .uri("/partialImport")
                    .body(Map.of("ifResourceExists", "SKIP", "users", representations))
                    .retrieve()
                    .body(Map.class);
        } catch (HttpClientErrorException e) {
            // 403: a realm imported before the service account had manage-realm (docs/operations.md, upgrading)
            if (e.getStatusCode() == HttpStatus.CONFLICT || e.getStatusCode() == HttpStatus.FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, String> ids = new java.util.HashMap<>();
        if (results != null && results.get("results") instanceof List<?> list) {
            for (Object result : list) {
                if (result instanceof Map<?, ?> r
                        && "ADDED".equals(r.get("action"))
                        && "USER".equals(r.get("resourceType"))
                        && r.get("id") != null) {
                    ids.put(String.valueOf(r.get("resourceName")), String.valueOf(r.get("id")));
                }
            }
        }
        return Optional.of(ids);
    }

    /** Whether the realm has this realm role (read once per role). */
    public boolean realmRoleExists(String role) {
        if (role == null) {
            return false;
        }
        try {
            role(role);
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The name of the realm's composite default role, which {@code POST /users} gives every new user. */
    private String defaultRoles() {
        String name = defaultRoleName;
        if (name == null) {
            Map<?, ?> realm = admin.get().uri("").retrieve().body(Map.class);
            name = realm != null && realm.get("defaultRole") instanceof Map<?, ?> role && role.get("name") != null
                    ? String.valueOf(role.get("name"))
                    : "default-roles-" + realmName;
            defaultRoleName = name;
        }
        return name;
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

    /**
     * Gives a user without an address one (not verified yet): Keycloak adds {@code VERIFY_EMAIL} to their
     * required actions, so the invitation (or the next sign-in) confirms it. False when Keycloak has no such user,
     * or another user of the realm has this address (409).
     */
    public boolean addEmail(String userId, String email) {
        Optional<User> user = byId(userId);
        if (user.isEmpty()) {
            return false;
        }
        List<String> actions = new java.util.ArrayList<>(user.get().requiredActions());
        if (!actions.contains(VERIFY_EMAIL)) {
            actions.add(VERIFY_EMAIL);
        }
        try {
            return found(() -> admin.put()
                    .uri("/users/{id}", userId)
                    .body(Map.of("email", email, "emailVerified", false, "requiredActions", actions))
                    .retrieve()
                    .toBodilessEntity());
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                return false;
            }
            throw e;
        }
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

    /** True when the user has a password credential (their own, or a first-login code not used yet). */
    public boolean hasPassword(String userId) {
        try {
            List<?> credentials = admin.get()
                    .uri("/users/{id}/credentials", userId)
                    .retrieve()
                    .body(List.class);
            return credentials != null
                    && credentials.stream().anyMatch(c -> c instanceof Map<?, ?> m && "password".equals(m.get("type")));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** Every user whose {@code school_id} is the school, read a few hundred at a time. */
    public List<User> ofSchool(String schoolId) {
        List<User> all = new java.util.ArrayList<>();
        int first = 0;
        int max = 500;
        while (true) {
            int from = first;
            List<?> found = admin.get()
                    .uri(u -> u.path("/users")
                            .queryParam("q", "school_id:" + schoolId)
                            .queryParam("briefRepresentation", false)
                            .queryParam("first", from)
                            .queryParam("max", max)
                            .build())
                    .retrieve()
                    .body(List.class);
            if (found == null || found.isEmpty()) {
                return all;
            }
            found.forEach(json -> all.add(user((Map<?, ?>) json)));
            if (found.size() < max) {
                return all;
            }
            first += max;
        }
    }

    /**
     * Has Keycloak e-mail the user a link to do the required actions (an invitation). Keycloak makes the link,
     * sends it through the realm's SMTP server in the user's {@code locale}, and keeps it to itself: Senim never
     * sees it.
     *
     * @param lifespan how long the link works
     * @param clientId the client the person lands in once done
     * @param redirectUri where in that client
     * @return false when Keycloak has no such user
     */
    public boolean sendActionsEmail(
            String userId, List<String> actions, Duration lifespan, String clientId, String redirectUri) {
        return found(() -> admin.put()
                .uri(u -> u.path("/users/{id}/execute-actions-email")
                        .queryParam("lifespan", lifespan.toSeconds())
                        .queryParam("client_id", clientId)
                        .queryParam("redirect_uri", redirectUri)
                        .build(userId))
                .body(actions)
                .retrieve()
                .toBodilessEntity());
    }

    /**
     * Points the realm's SMTP server (the one Keycloak sends its own e-mails through) at the given one. Only the
     * {@code smtpServer} of the realm is sent, so nothing else of the realm changes.
     */
    public void useSmtpServer(Map<String, String> smtpServer) {
        admin.put().uri("").body(Map.of("smtpServer", smtpServer)).retrieve().toBodilessEntity();
    }

    /** The realm's SMTP server as Keycloak has it (the password, if any, masked by Keycloak). */
    public Map<?, ?> smtpServer() {
        Map<?, ?> realm = admin.get().uri("").retrieve().body(Map.class);
        return realm != null && realm.get("smtpServer") instanceof Map<?, ?> smtp ? smtp : Map.of();
    }

    private static Map<String, Object> representation(NewUser user) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", user.username());
        body.put("enabled", true);
        // Nobody has a password at first: the first sign-in (code or invitation) must choose one. Keycloak's own
        // required actions then say reliably who has not signed in yet (docs/decisions.md 130).
        body.put(
                "requiredActions",
                user.email() != null ? List.of(UPDATE_PASSWORD, VERIFY_EMAIL) : List.of(UPDATE_PASSWORD));
        body.put("firstName", user.firstName());
        body.put("lastName", user.lastName());
        if (user.email() != null) {
            body.put("email", user.email());
            body.put("emailVerified", false);
        }
        body.put("attributes", Map.of("school_id", List.of(user.schoolId()), "locale", List.of(user.locale())));
        return body;
    }

    private Map<?, ?> role(String name) {
        return roles.computeIfAbsent(
                name, n -> admin.get().uri("/roles/{role}", n).retrieve().body(Map.class));
    }

    private boolean roleMapping(String userId, String role, boolean grant) {
        // A realm role's id is fixed for the life of the realm: read once, not once per account of an import.
        Map<?, ?> representation = role(role);
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
