package kz.senim.platform.keycloak;

/**
 * Where Keycloak is and the confidential client whose service account a service acts as on the realm's
 * Admin API ({@code senim.keycloak.*}: {@code SENIM_KEYCLOAK_URL}, {@code SENIM_KEYCLOAK_CLIENT_ID},
 * {@code SENIM_KEYCLOAK_CLIENT_SECRET}).
 *
 * @param url Keycloak's root URL, without {@code /realms/…}
 * @param realm the realm, {@code senim}
 * @param clientId the confidential client, {@code senim-services}
 * @param clientSecret its secret; never logged
 */
public record KeycloakServiceAccount(String url, String realm, String clientId, String clientSecret) {

    public KeycloakServiceAccount {
        url = url == null || url.isBlank() ? "http://localhost:8180" : url.replaceAll("/+$", "");
        realm = realm == null || realm.isBlank() ? "senim" : realm;
        clientId = clientId == null || clientId.isBlank() ? "senim-services" : clientId;
        clientSecret = clientSecret == null ? "senim-services-dev-secret" : clientSecret;
    }

    /** The realm's token endpoint. */
    public String tokenUri() {
        return url + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** The root of the realm's Admin REST API. */
    public String adminUri() {
        return url + "/admin/realms/" + realm;
    }

    @Override
    public String toString() {
        return "KeycloakServiceAccount[url=" + url + ", realm=" + realm + ", clientId=" + clientId + "]";
    }
}
