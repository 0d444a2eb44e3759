package kz.senim.platform.keycloak;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * A {@link RestClient} on a realm's Admin REST API that sends the service account's access token.
 * Getting the token (client credentials), keeping it and renewing it before it expires is Spring
 * Security's OAuth2 client ({@link AuthorizedClientServiceOAuth2AuthorizedClientManager}); a token
 * Keycloak answers 401 or 403 for is dropped, so the next call gets a new one (docs/decisions.md 101).
 */
public final class KeycloakAdminApi {

    static final String REGISTRATION = "senim-keycloak-admin";

    /** Tokens are held once for the service, never per signed-in user who caused the call. */
    private static final Authentication SERVICE = new AnonymousAuthenticationToken(
            "senim-service", "senim-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    private KeycloakAdminApi() {}

    /**
     * A client whose relative URIs start at {@code /admin/realms/<realm>}.
     *
     * @param clock the service's clock, for the token's expiry
     */
    public static RestClient of(
            KeycloakServiceAccount account, Clock clock, Duration connectTimeout, Duration readTimeout) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(account.clientId())
                .clientSecret(account.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(account.tokenUri())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        RestClientClientCredentialsTokenResponseClient tokenEndpoint =
                new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        // Renewed 30 s before it expires, so a token never runs out on its way to Keycloak.
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c ->
                        c.accessTokenResponseClient(tokenEndpoint).clock(clock).clockSkew(Duration.ofSeconds(30)))
                .build());
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        bearer.setPrincipalResolver(request -> SERVICE);
        bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return RestClient.builder()
                .baseUrl(account.adminUri())
                .requestFactory(requests)
                .requestInterceptor(bearer)
                .build();
    }
}
