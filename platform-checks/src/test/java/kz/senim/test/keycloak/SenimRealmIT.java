package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code senim} realm, imported into a real Keycloak, gives the services what they rely on. */
class SenimRealmIT {

    private static final String GYM1 = "demo-gymnasium-1";
    private static final String SCH2 = "demo-school-2";

    private static SenimKeycloak keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startKeycloak() {
        long started = System.nanoTime();
        keycloak = SenimKeycloak.get();
        System.out.printf(
                "SenimKeycloak.get() took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Test
    void a_student_of_school_one_has_student_but_not_mediator() throws Exception {
        JWTClaimsSet claims = userClaims("student1.gym1");

        assertThat(realmRoles(claims)).contains("student").doesNotContain("mediator", "coordinator", "admin");
        assertThat(claims.getStringClaim("school_id")).isEqualTo(GYM1);
        assertThat(claims.getStringClaim("locale")).isEqualTo("kk");
    }

    @Test
    void a_mediator_is_also_a_student() throws Exception {
        JWTClaimsSet claims = userClaims("mediator1.gym1");

        assertThat(realmRoles(claims)).contains("student", "mediator");
        assertThat(claims.getStringClaim("school_id")).isEqualTo(GYM1);
        assertThat(claims.getStringClaim("locale")).isEqualTo("kk");
    }

    @Test
    void the_coordinator_of_school_two() throws Exception {
        JWTClaimsSet claims = userClaims("coordinator.sch2");

        assertThat(realmRoles(claims)).contains("coordinator").doesNotContain("student", "admin");
        assertThat(claims.getStringClaim("school_id")).isEqualTo(SCH2);
        assertThat(claims.getStringClaim("locale")).isEqualTo("ru");
    }

    @Test
    void the_district_admin_has_no_school() throws Exception {
        JWTClaimsSet claims = userClaims("district-admin");

        assertThat(realmRoles(claims)).contains("admin");
        assertThat(claims.getClaims()).doesNotContainKey("school_id");
        assertThat(claims.getStringClaim("locale")).isEqualTo("en");
    }

    @Test
    void the_id_token_carries_school_and_locale_too() throws Exception {
        HttpResponse<String> response = keycloak.postToTokenEndpoint(Map.of(
                "grant_type", "password",
                "client_id", SenimKeycloak.CLI_CLIENT,
                "username", "mediator1.sch2",
                "password", SenimKeycloak.DEMO_PASSWORD,
                "scope", "openid"));
        assertThat(response.statusCode()).isEqualTo(200);
        String idToken = (String) JSONObjectUtils.parse(response.body()).get("id_token");
        JWTClaimsSet claims = SignedJWT.parse(idToken).getJWTClaimsSet();

        assertThat(claims.getStringClaim("school_id")).isEqualTo(SCH2);
        assertThat(claims.getStringClaim("locale")).isEqualTo("en");
    }

    @Test
    void a_wrong_password_is_refused() {
        HttpResponse<String> response = keycloak.postToTokenEndpoint(Map.of(
                "grant_type", "password",
                "client_id", SenimKeycloak.CLI_CLIENT,
                "username", "student1.gym1",
                "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_grant");
        assertThatThrownBy(() -> keycloak.passwordToken("student1.sch2", "wrong"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("401");
    }

    @Test
    void the_portal_client_refuses_the_password_grant() {
        HttpResponse<String> response = keycloak.postToTokenEndpoint(Map.of(
                "grant_type", "password",
                "client_id", "senim-portal",
                "username", "student1.gym1",
                "password", SenimKeycloak.DEMO_PASSWORD));

        assertThat(response.statusCode()).isBetween(400, 401);
        assertThat(response.body()).contains("unauthorized_client");
    }

    /**
     * What the gateway's Swagger UI does on "Authorize": the authorization code flow with PKCE on the public
     * {@code senim-portal} client, back to its {@code oauth2-redirect.html}, then the token fetched by the page
     * itself, so cross-origin from the gateway's address.
     */
    @Test
    void swagger_ui_signs_in_with_the_portal_client() throws Exception {
        String gateway = "http://localhost:8080";
        String redirect = gateway + "/swagger-ui/oauth2-redirect.html";
        String verifier = "swagger-ui-verifier-" + UUID.randomUUID() + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        // Keycloak's session cookies are sent back by hand, whatever their Secure or host attributes say.
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(
                                URI.create(keycloak.issuerUri() + "/protocol/openid-connect/auth?client_id=senim-portal"
                                        + "&response_type=code&scope=openid&state=s1&code_challenge_method=S256"
                                        + "&code_challenge=" + challenge + "&redirect_uri=" + encode(redirect)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("the login form in %s", loginPage.body()).isTrue();
        String cookies = String.join(
                "; ",
                loginPage.headers().allValues("Set-Cookie").stream()
                        .map(cookie -> cookie.split(";", 2)[0])
                        .toList());
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=teacher.sch2&password=" + encode(SenimKeycloak.DEMO_PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();

        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", gateway)
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=senim-portal"
                                + "&code=" + code.group(1) + "&code_verifier=" + verifier
                                + "&redirect_uri=" + encode(redirect)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(token.body()).get("access_token")).isNotNull();
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains(gateway);
    }

    @Test
    void the_services_client_reads_users_and_manages_the_mediator_role() throws Exception {
        String token = keycloak.serviceAccountToken();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("azp"))
                .isEqualTo(SenimKeycloak.SERVICES_CLIENT);

        List<Object> found = JSONArrayUtils.parse(
                admin(token, "GET", "/users?exact=true&username=" + encode("student2.gym1"), null, 200));
        assertThat(found).hasSize(1);
        Map<String, Object> user = JSONObjectUtils.parse(JSONObjectUtils.toJSONString(asMap(found.getFirst())));
        String userId = (String) user.get("id");
        assertThat(asMap(user.get("attributes")).get("school_id")).isEqualTo(List.of(GYM1));

        Map<String, Object> mediator = JSONObjectUtils.parse(admin(token, "GET", "/roles/mediator", null, 200));
        String roleBody =
                "[" + JSONObjectUtils.toJSONString(Map.of("id", mediator.get("id"), "name", "mediator")) + "]";
        String mappings = "/users/" + userId + "/role-mappings/realm";
        try {
            admin(token, "POST", mappings, roleBody, 204);
            assertThat(roleNames(admin(token, "GET", mappings, null, 200))).contains("student", "mediator");
            assertThat(realmRoles(userClaims("student2.gym1"))).contains("student", "mediator");
        } finally {
            admin(token, "DELETE", mappings, roleBody, 204);
        }
        assertThat(roleNames(admin(token, "GET", mappings, null, 200)))
                .contains("student")
                .doesNotContain("mediator");
        assertThat(realmRoles(userClaims("student2.gym1"))).doesNotContain("mediator");
    }

    /** The claims of a demo user's access token, with the checks every token must pass. */
    private static JWTClaimsSet userClaims(String username) throws Exception {
        String token = keycloak.freshPasswordToken(username, SenimKeycloak.DEMO_PASSWORD);
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuerUri());
        assertThat(UUID.fromString(claims.getSubject()).toString()).isEqualTo(claims.getSubject());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(Duration.ofMinutes(5).toMillis());
        return claims;
    }

    private static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        assertThat(realmAccess).as("realm_access claim").isNotNull();
        return ((List<?>) realmAccess.get("roles"))
                .stream().map(String::valueOf).toList();
    }

    private static List<String> roleNames(String json) throws Exception {
        return JSONArrayUtils.parse(json).stream()
                .map(role -> String.valueOf(asMap(role).get("name")))
                .toList();
    }

    private String admin(String token, String method, String path, String json, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.adminUri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
