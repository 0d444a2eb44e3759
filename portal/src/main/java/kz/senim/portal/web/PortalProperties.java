package kz.senim.portal.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal is and what it talks to.
 *
 * @param publicUrl the address browsers use (the gateway's), the only source of the portal's own links and
 *     redirects: no Host or X-Forwarded header is trusted
 * @param gatewayUrl where the portal calls the API (may be an internal address of the gateway)
 * @param keycloakUrl Keycloak as browsers reach it (login and logout pages, the tokens' issuer)
 * @param keycloakBackchannelUrl Keycloak as the portal reaches it (tokens, keys); defaults to keycloakUrl
 * @param realm the Keycloak realm
 * @param clientId the portal's public client (authorization code with PKCE)
 * @param relaySecret shared with the gateway: lets the gateway count the portal's anonymous calls per
 *     browser instead of per portal (empty: not relayed)
 */
@ConfigurationProperties("senim.portal")
public record PortalProperties(
        URI publicUrl,
        URI gatewayUrl,
        URI keycloakUrl,
        URI keycloakBackchannelUrl,
        String realm,
        String clientId,
        String relaySecret) {

    public PortalProperties {
        if (keycloakBackchannelUrl == null) {
            keycloakBackchannelUrl = keycloakUrl;
        }
        if (relaySecret == null) {
            relaySecret = "";
        }
    }

    /** {@code <keycloakUrl>/realms/<realm>}: the issuer of the tokens. */
    public String issuer() {
        return strip(keycloakUrl) + "/realms/" + realm;
    }

    public String backchannelRealm() {
        return strip(keycloakBackchannelUrl) + "/realms/" + realm;
    }

    public String publicBase() {
        return strip(publicUrl);
    }

    public String keycloakOrigin() {
        return keycloakUrl.getScheme() + "://" + keycloakUrl.getAuthority();
    }

    private static String strip(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
