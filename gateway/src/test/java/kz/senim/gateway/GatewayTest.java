package kz.senim.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a real port in front of real HTTP servers standing in for the services and for
 * Keycloak's key endpoint. The notification service is "down": its URL points at a closed port.
 * All test classes share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTest {

    static final String CERTS_PATH = "/realms/senim/protocol/openid-connect/certs";

    static final StubService CASES = new StubService("case-service");
    static final StubService MEMBERSHIP = new StubService("membership-service");
    static final StubService TRAINING = new StubService("training-service");
    static final StubService KEYCLOAK = new StubService("keycloak");

    static final int CLOSED_PORT = closedPort();

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
        registry.add("SENIM_NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("SENIM_JWK_SET_URI", () -> KEYCLOAK.url() + CERTS_PATH);
        registry.add("SENIM_ISSUER_URI", () -> TestTokens.ISSUER);
        registry.add("SENIM_BACKEND_RESPONSE_TIMEOUT", () -> "1s");
        registry.add("SENIM_TRACING_SAMPLING_PROBABILITY", () -> "1.0");
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
