package kz.senim.notification.recipient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.senim.platform.keycloak.KeycloakAdminApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(KeycloakSettings.class)
class KeycloakDirectory implements RecipientDirectory {

    private final RestClient admin;
    private final Duration lookupsLiveFor;
    private final Clock clock;
    private final Map<String, Cached> lookups = new ConcurrentHashMap<>();

    KeycloakDirectory(KeycloakSettings settings, Clock clock) {
        this.clock = clock;
        this.admin =
                KeycloakAdminApi.of(settings.serviceAccount(), clock, Duration.ofSeconds(5), Duration.ofSeconds(10));
        this.lookupsLiveFor = settings.lookupCache();
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
            return Optional.of(new Recipient(userId, email, languageOf(tag)));
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

    /** The language of the profile's locale ({@code ru-KZ} is Russian); whether Senim speaks it is delivery's to say. */
    private static Optional<Locale> languageOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return language.isEmpty() ? Optional.empty() : Optional.of(Locale.of(language));
    }

    private record Cached(Optional<Recipient> recipient, Instant until) {}
}
