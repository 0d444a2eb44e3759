package kz.senim.membership.mediatorrole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Grants and removes realm roles of users through Keycloak's Admin REST API, as the service account
 * of the confidential client (client-credentials grant).
 */
class KeycloakRealmRoles {

    private final KeycloakProperties keycloak;
    private final RestClient http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakRealmRoles(KeycloakProperties keycloak, Clock clock) {
        this.keycloak = keycloak;
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder()
                .baseUrl(keycloak.url())
                .requestFactory(requests)
                .build();
    }

    /** Gives the user the realm role; false when Keycloak has no such user. */
    boolean grant(String userId, String role) {
        return change(HttpMethod.POST, userId, role);
    }

    /** Takes the realm role from the user; false when Keycloak has no such user. */
    boolean revoke(String userId, String role) {
        return change(HttpMethod.DELETE, userId, role);
    }

    private boolean change(HttpMethod method, String userId, String role) {
        String bearer = "Bearer " + token();
        Map<?, ?> representation = http.get()
                .uri("/admin/realms/{realm}/roles/{role}", keycloak.realm(), role)
                .header("Authorization", bearer)
                .retrieve()
                .body(Map.class);
        try {
            http.method(method)
                    .uri("/admin/realms/{realm}/users/{user}/role-mappings/realm", keycloak.realm(), userId)
                    .header("Authorization", bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(List.of(Map.of("id", representation.get("id"), "name", representation.get("name"))))
                    .retrieve()
                    .toBodilessEntity();
            return true;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(tokenExpires)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", keycloak.clientId());
            form.add("client_secret", keycloak.clientSecret());
            Map<?, ?> answer = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", keycloak.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(Map.class);
            token = (String) answer.get("access_token");
            long lifetime = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
            tokenExpires = now.plusSeconds(Math.max(5, lifetime - 30));
        }
        return token;
    }
}
