package kz.senim.gateway.security;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import kz.senim.gateway.portal.PortalRoutes;
import kz.senim.gateway.problem.ProblemResponses;
import kz.senim.gateway.ratelimit.CallerRateLimits;
import kz.senim.gateway.requestsize.RequestSizeLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Who may pass the edge. Read top to bottom: the anonymous paths, then every other {@code /api/**}
 * call needs a Keycloak token of a Senim user, the rest of Actuator is refused (401 without a token,
 * 403 with one), and everything else is the portal's, which signs its users in itself. Services decide
 * object-level access themselves.
 *
 * <p>Every answer passes this chain, in this order: security headers (written when the answer is
 * committed, each only if the service did not set it), CORS preflights, the token, the rate limits
 * (which need the caller), the body size, then the rules below.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtProperties.class, ContentSecurityPolicies.Pages.class, PortalCors.Origins.class})
class SecurityConfig {

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            ProblemResponses problems,
            CallerRateLimits rateLimits,
            RequestSizeLimits requestSize,
            ContentSecurityPolicies.Pages pages,
            PortalCors.Origins origins) {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems, rateLimits);
        var accessDenied = new ProblemAccessDeniedHandler(problems);
        return http.headers(headers -> headers
                        // Spring Security's defaults stay: nosniff, X-Frame-Options DENY, Cache-Control no-store
                        // (unless the service set its own), HSTS on HTTPS requests only.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .writer(new ContentSecurityPolicies(pages)))
                .addFilterAt(PortalCors.filter(origins), SecurityWebFiltersOrder.CORS)
                .addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(requestSize::filter, SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges
                        // the trust box: anonymous by promise (docs/domain.md §4), the only anonymous writes
                        .pathMatchers("/api/trust-box/**")
                        .permitAll()
                        // a club's public page
                        .pathMatchers(HttpMethod.GET, "/api/schools/*/club")
                        .permitAll()
                        // calendar subscriptions: the unguessable token in the path is the credential
                        .pathMatchers(HttpMethod.GET, "/api/activities/feeds/*")
                        .permitAll()
                        // one-click unsubscribe from e-mail (RFC 8058): the signed token is the credential
                        .pathMatchers("/api/notifications/unsubscribe")
                        .permitAll()
                        .pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**")
                        .permitAll()
                        .pathMatchers("/api/**")
                        .access(new SenimCallerGate())
                        // the rest of the gateway's own paths: Actuator's other endpoints
                        .pathMatchers(PortalRoutes.EDGE_PATHS)
                        .denyAll()
                        // the portal's pages (PortalRoutes): it signs its users in itself, with a session
                        // cookie and CSRF tokens of its own
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(realmRoleAuthentication()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                // Bearer tokens only: no session, no cookie, hence no CSRF exposure at the edge. The portal's
                // session cookie and CSRF tokens pass through untouched to the portal, which checks them.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** Used by Spring Security's WebFilterChainProxy for paths its firewall refuses. */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ProblemResponses problems, ContentSecurityPolicies.Pages pages) {
        return new RejectedExchanges(problems, pages);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
        HttpClient keyFetching = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri())
                .webClient(WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(keyFetching))
                        .build())
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
        return new VerifiedTokens(decoder, Clock.systemUTC());
    }

    private static ReactiveJwtAuthenticationConverterAdapter realmRoleAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoles());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
