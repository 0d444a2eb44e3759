package kz.senim.local.api;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.test.keycloak.SenimKeycloak;

/**
 * Senim's public HTTP API as a client sees it: through the gateway, with real Keycloak tokens of the
 * demo users (password grant on {@code senim-cli}). Used to create the demo data and by the end-to-end
 * suite.
 */
public final class SenimApi {

    private final String gatewayUrl;
    private final SenimKeycloak keycloak;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    public SenimApi(String gatewayUrl, SenimKeycloak keycloak) {
        this.gatewayUrl = gatewayUrl;
        this.keycloak = keycloak;
    }

    /** A demo user (password {@value SenimKeycloak#DEMO_PASSWORD}), logged in once and re-used. */
    public Caller as(String username) {
        return callers.computeIfAbsent(username, name -> new Caller(this, name, SenimKeycloak.DEMO_PASSWORD));
    }

    /** Any user of the realm with a password. */
    public Caller as(String username, String password) {
        return new Caller(this, username, password);
    }

    /** No token at all: the trust box, the public club page. */
    public Caller anonymous() {
        return new Caller(this, null, null);
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public SenimKeycloak keycloak() {
        return keycloak;
    }

    HttpClient http() {
        return http;
    }
}
