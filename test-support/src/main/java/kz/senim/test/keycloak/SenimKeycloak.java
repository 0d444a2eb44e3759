package kz.senim.test.keycloak;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import kz.senim.test.InfraSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Keycloak of this test JVM, with the {@code senim} realm ({@code keycloak/senim-realm.json})
 * imported: started lazily by {@link #get()}, stopped (process tree included) when the JVM ends.
 *
 * <p>With a Docker engine (or {@code SENIM_TEST_INFRA=containers}) it is a Testcontainers
 * {@code quay.io/keycloak/keycloak} container; otherwise the {@code org.keycloak:keycloak-quarkus-dist}
 * zip from the Maven repository, unpacked once into {@code ~/.cache/senim/keycloak-<version>} and run
 * as a child process with a fresh data directory per JVM.
 */
public final class SenimKeycloak {

    /** One lock per username: see {@link #oneSignInAt}. */
    private static final java.util.Map<String, java.util.concurrent.locks.ReentrantLock> SIGN_INS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The Keycloak version of the zip and of the container image. */
    public static final String VERSION = "26.5.6";

    /** The realm the services trust. */
    public static final String REALM = "senim";

    /** Public client with the password grant (local demo and tests only). */
    public static final String CLI_CLIENT = "senim-cli";

    /** Confidential client whose service account may read users and manage their role mappings. */
    public static final String SERVICES_CLIENT = "senim-services";

    /** Development secret of {@link #SERVICES_CLIENT}, as in the realm file. */
    public static final String SERVICES_SECRET = "senim-services-dev-secret";

    /** Password of every demo user in the realm file. */
    public static final String DEMO_PASSWORD = "senim-demo";

    /** System property that points at another realm file. */
    public static final String REALM_FILE_PROPERTY = "senim.keycloak.realm";

    /** How long Keycloak may take to start: system property {@code senim.keycloak.startup-timeout} (ISO-8601), else 8 minutes: on a 2-core machine
     * running other builds beside, a first start took more than 4 minutes. */
    static final Duration STARTUP_TIMEOUT =
            Duration.parse(System.getProperty("senim.keycloak.startup-timeout", "PT8M"));

    private static final Logger log = LoggerFactory.getLogger(SenimKeycloak.class);
    private static SenimKeycloak instance;
    private static RuntimeException failure;

    /** A cached token is used until this long before it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private final Backend backend;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

    private SenimKeycloak(Backend backend) {
        this.backend = backend;
    }

    /** The Keycloak of this JVM, started (and the realm imported) on the first call. */
    public static synchronized SenimKeycloak get() {
        if (failure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", failure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    private static SenimKeycloak start() {
        Path realm = realmFile();
        long started = System.nanoTime();
        InfraSide side = InfraSide.current();
        Backend backend;
        if (side == InfraSide.CONTAINERS) {
            backend = KeycloakContainer.start(realm);
            Runtime.getRuntime().addShutdownHook(new Thread(backend::stop, "senim-keycloak-stop"));
        } else {
            // The process registers its own shutdown hook as soon as it exists.
            backend = KeycloakProcess.start(KeycloakDistribution.installation(), realm);
        }
        log.info(
                "Keycloak {} ({}) ready at {} in {} ms",
                VERSION,
                side,
                backend.baseUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new SenimKeycloak(backend);
    }

    /**
     * A Keycloak of its own, outside the per-JVM singleton, for running the platform locally: the
     * pre-built distribution (no Docker), the realm imported on first start, its dev-file database kept in
     * {@code home} between runs, its URLs (and so the issuer of its tokens) on {@code host}, {@code jvmOptions}
     * added to its JVM's. The caller stops it with {@link #stop()}; a shutdown hook stops it too.
     */
    public static SenimKeycloak startKept(
            Path home, String host, int httpPort, int managementPort, List<String> jvmOptions) {
        long started = System.nanoTime();
        KeycloakProcess process = KeycloakProcess.start(
                KeycloakDistribution.installation(),
                realmFile(),
                new KeycloakProcess.Home(home.toAbsolutePath(), true, host, httpPort, managementPort, jvmOptions));
        log.info(
                "Keycloak {} ready at {} in {} ms",
                VERSION,
                process.baseUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new SenimKeycloak(process);
    }

    /** Stops this Keycloak and every process it started. */
    public void stop() {
        backend.stop();
    }

    /** The operating-system process of a Keycloak run from the distribution, if it is one. */
    public java.util.Optional<ProcessHandle> process() {
        return backend instanceof KeycloakProcess local
                ? java.util.Optional.of(local.process())
                : java.util.Optional.empty();
    }

    /** Root URL of Keycloak, e.g. {@code http://127.0.0.1:38211} (no trailing slash). */
    public String baseUrl() {
        return backend.baseUrl();
    }

    /** Issuer of the realm's tokens: {@code baseUrl() + "/realms/senim"}. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The realm's JWK set (token signing keys). */
    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** The realm's token endpoint. */
    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** Root of the realm's Admin REST API: {@code baseUrl() + "/admin/realms/senim"}. */
    public String adminUri() {
        return baseUrl() + "/admin/realms/" + REALM;
    }

    /**
     * Raw access token of a user, by the password grant on {@value #CLI_CLIENT}, reused from an earlier
     * grant of this JVM while it has at least a minute left. Tests never depend on how fast Keycloak lets
     * one user sign in again and again: the realm's brute-force detection is on, and rapid repeated
     * logins of one user have been seen to lock it ({@code user_temporarily_disabled}) without a single
     * failed attempt. Use {@link #freshPasswordToken} where the token must show a change of the user's roles.
     *
     * @throws IllegalStateException when Keycloak refuses the grant (the message has its answer)
     */
    public String passwordToken(String username, String password) {
        String key = username + '\u0000' + password;
        IssuedToken cached = tokens.get(key);
        if (cached != null && cached.validAt(Instant.now().plus(TOKEN_MARGIN))) {
            return cached.value();
        }
        return freshPasswordToken(username, password);
    }

    /**
     * A newly issued access token of a user (password grant on {@value #CLI_CLIENT}), carrying the user's
     * roles as they are now; it replaces the cached one. Call it once a change is known to have happened
     * (see {@link #realmRolesOf}), not in a polling loop.
     *
     * @throws IllegalStateException when Keycloak refuses the grant (the message has its answer)
     */
    public String freshPasswordToken(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String token = oneSignInAt(username, () -> accessToken(form));
        tokens.put(username + '\u0000' + password, IssuedToken.of(token));
        return token;
    }

    /**
     * Runs a sign-in of {@code username} (a password grant, or a browser on the login page) while no other
     * sign-in of the same user runs in this JVM. With brute-force detection on, Keycloak 26 refuses a user's
     * sign-in while another of that user is under way ({@code user_temporarily_disabled}, answered as
     * "Invalid user credentials"). A person signs in once at a time; tests running side by side (the
     * end-to-end journeys, two at a time) could sign one demo user in twice at the same moment. The realm keeps
     * Keycloak's behaviour; the tests wait for each other instead.
     */
    public static <T> T oneSignInAt(String username, java.util.function.Supplier<T> signIn) {
        java.util.concurrent.locks.ReentrantLock lock =
                SIGN_INS.computeIfAbsent(username, name -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            return signIn.get();
        } finally {
            lock.unlock();
        }
    }

    /** Raw access token of the {@value #SERVICES_CLIENT} service account (client credentials), newly issued. */
    public String serviceAccountToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", SERVICES_CLIENT);
        form.put("client_secret", SERVICES_SECRET);
        return accessToken(form);
    }

    /**
     * The realm roles a user holds now, read through the Admin API with the {@value #SERVICES_CLIENT}
     * service account (no login of the user, so it may be polled): what the user's next token will carry.
     */
    public List<String> realmRolesOf(String username) {
        String service = serviceToken();
        try {
            List<Object> roles = JSONArrayUtils.parse(
                    adminCall(service, "GET", "/users/" + userId(service, username) + "/role-mappings/realm"));
            return roles.stream()
                    .map(role -> String.valueOf(((Map<?, ?>) role).get("name")))
                    .toList();
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak's Admin API answered something that is not JSON", e);
        }
    }

    /**
     * Clears what the realm's brute-force detection holds against a user. Keycloak's quick-login check
     * locks a user for a minute when two failed sign-ins come within a second — a test that shows a wrong
     * code refused and the right one accepted does exactly that, faster on a quicker machine. Such a test calls
     * this between its attempts; brute-force protection stays on in the realm.
     */
    public void forgetLoginFailures(String username) {
        String service = serviceToken();
        adminCall(service, "DELETE", "/attack-detection/brute-force/users/" + userId(service, username));
    }

    private String serviceToken() {
        String key = "\u0000services";
        IssuedToken service = tokens.get(key);
        if (service == null || !service.validAt(Instant.now().plus(TOKEN_MARGIN))) {
            service = IssuedToken.of(serviceAccountToken());
            tokens.put(key, service);
        }
        return service.value();
    }

    private String userId(String service, String username) {
        try {
            List<Object> users = JSONArrayUtils.parse(adminCall(
                    service, "GET", "/users?exact=true&briefRepresentation=true&username=" + encode(username)));
            if (users.size() != 1 || !(users.getFirst() instanceof Map<?, ?> user)) {
                throw new IllegalStateException("No single user named " + username + " in realm " + REALM);
            }
            return String.valueOf(user.get("id"));
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak's Admin API answered something that is not JSON", e);
        }
    }

    private String adminCall(String bearer, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "Keycloak's Admin API answered HTTP " + response.statusCode() + " to " + method + " " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Admin API request to " + adminUri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak's Admin API", e);
        }
    }

    /** Posts a form to the token endpoint and returns the status code and the body. */
    public HttpResponse<String> postToTokenEndpoint(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + tokenUri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    private String accessToken(Map<String, String> form) {
        HttpResponse<String> response = postToTokenEndpoint(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the " + form.get("grant_type") + " grant for client "
                    + form.get("client_id") + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            Object token = JSONObjectUtils.parse(response.body()).get("access_token");
            if (!(token instanceof String s)) {
                throw new IllegalStateException("No access_token in Keycloak's answer");
            }
            return s;
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak's token answer is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The realm file: system property {@value #REALM_FILE_PROPERTY}, else {@code keycloak/senim-realm.json}
     * found by walking up from the working directory.
     */
    static Path realmFile() {
        String override = System.getProperty(REALM_FILE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(REALM_FILE_PROPERTY + " points at " + file + ", which is no file");
            }
            return file;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("keycloak").resolve("senim-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No keycloak/senim-realm.json in " + start + " or any parent directory; set -D"
                + REALM_FILE_PROPERTY + "=<path>");
    }

    /** An access token and when it expires (its {@code exp} claim). */
    private record IssuedToken(String value, Instant expires) {

        static IssuedToken of(String token) {
            try {
                Date expires = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
                return new IssuedToken(token, expires == null ? Instant.MIN : expires.toInstant());
            } catch (ParseException e) {
                throw new IllegalStateException("Keycloak issued an access token that is not a signed JWT", e);
            }
        }

        boolean validAt(Instant instant) {
            return expires.isAfter(instant);
        }
    }

    /** One running Keycloak, whichever side it is on. */
    interface Backend {
        String baseUrl();

        void stop();
    }
}
