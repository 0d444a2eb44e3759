package kz.senim.membership.mediatorrole;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Keycloak Admin REST API is, and the confidential client whose service account may
 * manage users' realm roles.
 */
@ConfigurationProperties("senim.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret) {

    public KeycloakProperties {
        url = url == null ? "http://localhost:8180" : url.replaceAll("/+$", "");
        realm = realm == null ? "senim" : realm;
        clientId = clientId == null ? "senim-services" : clientId;
        clientSecret = clientSecret == null ? "senim-services-dev-secret" : clientSecret;
    }
}
