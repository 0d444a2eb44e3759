package kz.senim.membership.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import kz.senim.membership.keycloak.KeycloakUsers;
import kz.senim.test.ServiceApi;
import kz.senim.test.keycloak.SenimKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests of accounts against the harness's real Keycloak share: the service pointed at that Keycloak,
 * the two demo schools registered, sign-ins and tokens of Keycloak's users, and random names.
 */
abstract class AccountsAgainstKeycloak {

    static final String GYM = "demo-gymnasium-1";
    static final String SCH2 = "demo-school-2";
    static final Random RANDOM = new Random();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("senim.keycloak.url", () -> SenimKeycloak.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    KeycloakUsers users;

    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    SenimKeycloak keycloak;

    @BeforeEach
    void schools() {
        api = ServiceApi.at(port);
        keycloak = SenimKeycloak.get();
        for (String school : new String[] {GYM, SCH2}) {
            assertThat(api.post("/api/schools")
                            .auth(bearer("district-admin"))
                            .json("""
                                    {"id":"%s","names":{"kk":"Мектеп","ru":"Школа","en":"School"},
                                     "city":"Almaty","region":"Almaty"}
                                    """.formatted(school))
                            .send()
                            .status())
                    .isIn(201, 409);
        }
    }

    /** A password grant as the portal's public client would ask it, answered as Keycloak answers it. */
    /**
     * One password sign-in as Keycloak answers it. The tests sign one new user in with a wrong and a right code
     * within a second, which Keycloak's quick-login check would punish with a minute's lock: each attempt starts
     * with no failures held against the user.
     */
    HttpResponse<String> signIn(String username, String password) {
        // TMP keycloak.forgetLoginFailures(username);
        return keycloak.postToTokenEndpoint(Map.of(
                "grant_type",
                "password",
                "client_id",
                SenimKeycloak.CLI_CLIENT,
                "username",
                username,
                "password",
                password));
    }

    String bearer(String username) {
        return "Bearer " + keycloak.passwordToken(username, SenimKeycloak.DEMO_PASSWORD);
    }

    static String latin(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    static String cyrillic(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('а' + RANDOM.nextInt(32)));
        }
        return letters.toString();
    }
}
