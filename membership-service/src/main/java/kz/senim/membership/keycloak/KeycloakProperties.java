package kz.senim.membership.keycloak;

import kz.senim.platform.keycloak.KeycloakServiceAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is, and the confidential client whose service account manages the realm's users
 * ({@code senim.keycloak.*}).
 */
@ConfigurationProperties("senim.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret) {

    KeycloakServiceAccount serviceAccount() {
        return new KeycloakServiceAccount(url, realm, clientId, clientSecret);
    }

    @Override
    public String toString() {
        return serviceAccount().toString();
    }
}
