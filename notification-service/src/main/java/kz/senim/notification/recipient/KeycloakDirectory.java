package kz.senim.notification.recipient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.notification.delivery.domain.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Users from Keycloak's Admin REST API, through the realm's confidential client (client
 * credentials). The access token and each lookup are cached until they expire.
 */
@Component
class KeycloakDirectory implements RecipientDirectory {

    private final RestClient http;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Duration lookupsLiveFor;
    private final Clock clock;
    private final Map<String, Cached> lookups = new ConcurrentHashMap<>();
    private volatile ServiceToken token;

    KeycloakDirectory(
            @Value("${senim.keycloak.url}") String url,
            @Value("${senim.keycloak.realm}") String realm,
            @Value("${senim.keycloak.client-id}") String clientId,
            @Value("${senim.keycloak.client-secret}") String clientSecret,
            @Value("${senim.keycloak.lookup-cache}") Duration lookupsLiveFor) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().baseUrl(url).requestFactory(requests).build();
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.lookupsLiveFor = lookupsLiveFor;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Optional<Recipient> find(String userId) {
        Instant now = clock.instant();
        Cached cached = lookups.get(userId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.recipient();
        }
        Optional<Recipient> found = lookUp(userId);
        lookups.put(userId, new Cached(found, now.plus(lookupsLiveFor)));
        return found;
    }

    private Optional<Recipient> lookUp(String userId) {
        try {
            JsonNode user = http.get()
                    .uri("/admin/realms/{realm}/users/{id}", realm, userId)
                    .header("Authorization", "Bearer " + accessToken())
                    .retrieve()
                    .body(JsonNode.class);
            if (user == null || !user.path("enabled").asBoolean(true)) {
                return Optional.empty();
            }
            String email = user.path("email").asString("");
            if (email.isBlank()) {
                return Optional.empty();
            }
            JsonNode locale = user.path("attributes").path("locale");
            String tag = locale.isArray() && !locale.isEmpty() ? locale.get(0).asString() : null;
            return Optional.of(new Recipient(userId, email, Language.parse(tag)));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getStatusCode() == HttpStatus.UNAUTHORIZED) {
                token = null;
            }
            throw new DirectoryUnavailable("Keycloak refused the lookup: " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailable("Keycloak did not answer the lookup", e);
        }
    }

    private String accessToken() {
        ServiceToken current = token;
        Instant now = clock.instant();
        if (current != null && current.until().isAfter(now)) {
            return current.value();
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        JsonNode answer = http.post()
                .uri("/realms/{realm}/protocol/openid-connect/token", realm)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("access_token")) {
            throw new DirectoryUnavailable("Keycloak gave no service token", null);
        }
        // Renew a little early, so a token never expires on its way to Keycloak.
        long lifetime = Math.max(answer.path("expires_in").asLong(60) - 15, 1);
        ServiceToken fresh = new ServiceToken(answer.get("access_token").asString(), now.plusSeconds(lifetime));
        token = fresh;
        return fresh.value();
    }

    private record ServiceToken(String value, Instant until) {}

    private record Cached(Optional<Recipient> recipient, Instant until) {}
}
