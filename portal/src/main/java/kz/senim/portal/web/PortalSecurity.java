package kz.senim.portal.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who may open what. Two chains: the public pages (a club's page and its trust box) keep no session,
 * set no cookie and need no login, as the trust box promises its senders; everything else is signed in
 * through Keycloak (authorization code with PKCE, the {@code senim-portal} public client), with a
 * session cookie (Secure, HttpOnly, SameSite=Lax: application.yml) and CSRF tokens. Which role may do
 * what is decided by the services; the portal only shows what the API answers.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String REGISTRATION = "keycloak";
    static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;
    /** Public pages: everything under a school's club page and trust box, and the static files. */
    static final String[] PUBLIC = {
        "/schools/*/club",
        "/schools/*/trust-box",
        "/schools/*/trust-box/**",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus"
    };

    @Bean
    @Order(1)
    SecurityFilterChain publicPages(HttpSecurity http, PortalProperties portal) throws Exception {
        return http.securityMatcher(PUBLIC)
                .authorizeHttpRequests(pages -> pages.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                // Nothing here acts on a signed-in user's behalf (no session, no cookie), so a forged form
                // can do no more than its author could do directly.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers(headers, portal))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signedIn(
            HttpSecurity http,
            PortalProperties portal,
            ClientRegistrationRepository registrations,
            PortalLocaleResolver locales,
            SignInService keycloak)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE always (the client is public), and Keycloak's login page in the portal's language.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(
                        parameters -> parameters.put("ui_locales", currentLanguage(locales)))));
        OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        loggedOut.setPostLogoutRedirectUri(portal.publicBase() + "/");
        return http.authorizeHttpRequests(
                        pages -> pages.requestMatchers("/", "/error", "/signed-out", SignInUnavailable.PATH)
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .oauth2Login(login -> login.loginPage(LOGIN)
                        .authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
                .addFilterBefore(
                        new SignInUnavailable.BeforeSigningIn(keycloak), OAuth2AuthorizationRequestRedirectFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
                .headers(headers -> headers(headers, portal))
                .build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
            PortalProperties portal) {
        // Spring Security's defaults stay: Cache-Control no-store on every page, nosniff, frame DENY.
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(portal)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions ->
                        permissions.policy("camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
    }

    /** Scripts and styles only from the portal itself; forms may post to the portal and lead to Keycloak. */
    static String contentSecurityPolicy(PortalProperties portal) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + portal.keycloakOrigin();
    }

    private static String currentLanguage(PortalLocaleResolver locales) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
            java.util.Locale locale = locales.resolveLocale(request);
            if (request.getParameter(PortalLocaleResolver.PARAMETER) != null) {
                // Signing in opens a session anyway: the language chosen before it stays after it.
                request.getSession(true).setAttribute(PortalLocaleResolver.SESSION_ATTRIBUTE, locale);
            }
            return locale.getLanguage();
        }
        return Languages.FALLBACK.getLanguage();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties portal) {
        String browser = portal.issuer() + "/protocol/openid-connect";
        String backchannel = portal.backchannelRealm() + "/protocol/openid-connect";
        // Every endpoint is configured, so the portal starts without Keycloak (no discovery call at start).
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(portal.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.publicBase() + "/login/oauth2/code/{registrationId}")
                .scope(List.of("openid", "profile", "email"))
                .authorizationUri(browser + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(portal.issuer())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /** The user's tokens live in their HTTP session and end with it (signing out, or the session expiring). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives the signed-in user's access token, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        var manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    FilterRegistrationBean<PublicAddress> publicAddress(PortalProperties portal) {
        var registration = new FilterRegistrationBean<>(new PublicAddress(portal.publicUrl()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
