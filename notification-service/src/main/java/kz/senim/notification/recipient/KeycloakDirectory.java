package kz.senim.notification.recipient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.notification.delivery.domain.Language;
import kz.senim.platform.keycloak.KeycloakAdminApi;
import kz.senim.platform.keycloak.KeycloakServiceAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Users from Keycloak's Admin REST API, through the realm's confidential client (client
 * credentials). Each lookup is cached for {@code senim.keycloak.lookup-cache}; the service account's
 * token is Spring Security's OAuth2 client's to get, keep and renew (the platform's {@code KeycloakAdminApi}).
 */
@Component
class KeycloakDirectory implements RecipientDirectory {

    private final RestClient admin;
    private final Duration lookupsLiveFor;
    private final Clock clock;
    private final Map<String, Cached> lookups = new ConcurrentHashMap<>();

    KeycloakDirectory(
            @Value("${senim.keycloak.url}") String url,
            @Value("${senim.keycloak.realm}") String realm,
            @Value("${senim.keycloak.client-id}") String clientId,
            @Value("${senim.keycloak.client-secret}") String clientSecret,
            @Value("${senim.keycloak.lookup-cache}") Duration lookupsLiveFor) {
        this.clock = Clock.systemUTC();
        this.admin = KeycloakAdminApi.of(
                new KeycloakServiceAccount(url, realm, clientId, clientSecret),
                clock,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        this.lookupsLiveFor = lookupsLiveFor;
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
            JsonNode user = admin.get().uri("/users/{id}", userId).retrieve().body(JsonNode.class);
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
            throw new DirectoryUnavailable("Keycloak refused the lookup: " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailable("Keycloak did not answer the lookup", e);
        } catch (OAuth2AuthorizationException e) {
            throw new DirectoryUnavailable(
                    "Keycloak gave no service token: " + e.getError().getErrorCode(), e);
        }
    }

    private record Cached(Optional<Recipient> recipient, Instant until) {}
}
