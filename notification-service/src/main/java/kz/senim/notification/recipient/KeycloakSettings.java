package kz.senim.notification.recipient;

import java.time.Duration;
import kz.senim.platform.keycloak.KeycloakServiceAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is, the confidential client whose service account reads the realm's users, and how long a
 * user's address and language are reused before asking again ({@code senim.keycloak.*}, docs/operations.md).
 */
@ConfigurationProperties("senim.keycloak")
record KeycloakSettings(String url, String realm, String clientId, String clientSecret, Duration lookupCache) {

    KeycloakServiceAccount serviceAccount() {
        return new KeycloakServiceAccount(url, realm, clientId, clientSecret);
    }

    @Override
    public String toString() {
        return serviceAccount() + ", lookupCache=" + lookupCache;
    }
}
