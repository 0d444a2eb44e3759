package kz.senim.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test helpers for the portal's pages: a signed-in viewer with the claims Keycloak would give. */
public final class PortalPages {

    private PortalPages() {}

    /** Signed in as a user of {@code school} (null: district-wide) with these realm roles. */
    public static RequestPostProcessor signedIn(
            ClientRegistration keycloak, String userId, String school, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300)));
        if (school != null) {
            claims.claim("school_id", school);
        }
        String token = new PlainJWT(claims.build()).serialize();
        OAuth2AccessToken access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token,
                Instant.now(),
                Instant.now().plusSeconds(300));
        RequestPostProcessor login = oidcLogin()
                .clientRegistration(keycloak)
                .idToken(id -> id.subject(userId).claim("preferred_username", userId));
        RequestPostProcessor client = oauth2Client(keycloak.getRegistrationId())
                .clientRegistration(keycloak)
                .principalName(userId)
                .accessToken(access);
        return request -> client.postProcessRequest(login.postProcessRequest(request));
    }
}
