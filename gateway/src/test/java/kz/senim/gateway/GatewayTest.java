package kz.senim.gateway;

import java.time.Duration;
import kz.senim.test.ClosedPorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway on a real port in front of real HTTP servers standing in for the services and for
 * Keycloak's key endpoint. The notification service is "down": its URL points at a closed port.
 * The portal's pages are served by a stub too. A test-only route {@code /api/flaky/**} leads to a service the circuit-breaker tests stop and start.
 * Clients are told apart by {@code X-Forwarded-For} (as behind a proxy), so that each rate-limit test
 * can be its own client. All test classes share this one application context.
 */
@SpringBootTest(
        classes = {GatewayApplication.class, GatewayTest.FlakyRoute.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTest {

    static final String CERTS_PATH = "/realms/senim/protocol/openid-connect/certs";

    static final StubService CASES = new StubService("case-service");
    static final StubService MEMBERSHIP = new StubService("membership-service");
    static final StubService TRAINING = new StubService("training-service");
    static final StubService KEYCLOAK = new StubService("keycloak");
    static final StubService FLAKY = new StubService("flaky-service");
    static final StubService PORTAL_PAGES = new StubService("portal");

    static final String FLAKY_BREAKER = "flaky-service";

    /**
     * The gateway's response timeout in these tests. Ordinary calls to the stubs answer far within it even on
     * a busy 2-core machine; the stubs' slow paths take {@link StubService#SLOW_SECONDS}, far beyond it.
     */
    static final int BACKEND_TIMEOUT_SECONDS = 3;

    /** How long an opened breaker refuses before it lets a probe call through. */
    static final int BREAKER_OPEN_SECONDS = 5;

    static final int ANONYMOUS_BURST = 200;
    static final int TRUST_BOX_WRITES_BURST = 3;
    static final int USER_BURST = 30;
    static final String PORTAL = "https://portal.senim.test";
    static final String PORTAL_RELAY_SECRET = "relay-secret-of-the-tests";

    static final int CLOSED_PORT = ClosedPorts.reserve();

    static {
        KEYCLOAK.answer(CERTS_PATH, TestTokens.jwkSet());
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("SENIM_CASE_SERVICE_URL", CASES::url);
        registry.add("SENIM_MEMBERSHIP_SERVICE_URL", MEMBERSHIP::url);
        registry.add("SENIM_TRAINING_SERVICE_URL", TRAINING::url);
        registry.add("SENIM_PORTAL_SERVICE_URL", PORTAL_PAGES::url);
        registry.add("SENIM_PORTAL_RELAY_SECRET", () -> PORTAL_RELAY_SECRET);
        registry.add("SENIM_NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("SENIM_ANALYTICS_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("SENIM_JWK_SET_URI", () -> KEYCLOAK.url() + CERTS_PATH);
        registry.add("SENIM_ISSUER_URI", () -> TestTokens.ISSUER);
        registry.add("SENIM_BACKEND_RESPONSE_TIMEOUT", () -> BACKEND_TIMEOUT_SECONDS + "s");
        registry.add("SENIM_TRACING_SAMPLING_PROBABILITY", () -> "1.0");
        registry.add("SENIM_MATERIAL_FILE_RESPONSE_TIMEOUT_MS", () -> "30000");
        registry.add("SENIM_RATE_LIMIT_CLIENT_ADDRESS_FROM_FORWARDED_FOR", () -> "true");
        registry.add("SENIM_RATE_LIMIT_ANONYMOUS_PER_MINUTE", () -> "6");
        registry.add("SENIM_RATE_LIMIT_ANONYMOUS_BURST", () -> ANONYMOUS_BURST);
        registry.add("SENIM_RATE_LIMIT_TRUST_BOX_WRITES_PER_MINUTE", () -> "6");
        registry.add("SENIM_RATE_LIMIT_TRUST_BOX_WRITES_BURST", () -> TRUST_BOX_WRITES_BURST);
        registry.add("SENIM_RATE_LIMIT_USER_PER_SECOND", () -> "1");
        registry.add("SENIM_RATE_LIMIT_USER_BURST", () -> USER_BURST);
        registry.add("SENIM_CORS_ALLOWED_ORIGINS", () -> PORTAL + ", https://other-portal.senim.test");
        registry.add("SENIM_CIRCUIT_BREAKER_SLIDING_WINDOW", () -> "4");
        registry.add("SENIM_CIRCUIT_BREAKER_MINIMUM_CALLS", () -> "4");
        registry.add("SENIM_CIRCUIT_BREAKER_OPEN_WAIT", () -> BREAKER_OPEN_SECONDS + "s");
        registry.add("SENIM_CIRCUIT_BREAKER_HALF_OPEN_CALLS", () -> "1");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyRoute {

        /**
         * The test client waits for the gateway's own answer (a 504 after {@link #BACKEND_TIMEOUT_SECONDS} at
         * the latest), never giving up first: its default of 5 s is a coin toss on a busy 2-core machine.
         *
         * <p>Each call opens a connection of its own. With the default pool, about one run in five lost a call
         * for good: the test waited 60 s while every thread of the JVM was idle (thread dumps taken during the
         * wait), and the same call repeated at once was answered in under a second. The test client and the
         * gateway are both Reactor Netty in one JVM; the loss never showed with their connection logging on,
         * nor in the e2e suite, whose JDK client reuses connections to the gateway across thousands of calls.
         * What the tests check is the gateway's answer, not the reuse of the test's own connections.
         */
        @Bean
        WebTestClientBuilderCustomizer patientClient() {
            return builder -> builder.responseTimeout(Duration.ofSeconds(60))
                    .clientConnector(
                            new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
        }

        @Bean
        RouteLocator flakyRoute(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route(
                            "flaky",
                            route -> route.path("/api/flaky/**")
                                    .filters(filters ->
                                            filters.circuitBreaker(breaker -> breaker.setName(FLAKY_BREAKER)))
                                    .uri(FLAKY.url()))
                    .build();
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
