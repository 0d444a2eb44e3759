package kz.senim.gateway.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The portal's web pages for browsers, served at {@code /} so that the platform has one origin: every
 * path that is not the API, the API documents, Swagger UI or Actuator goes to the portal. Built here
 * rather than in application.yml because the route is "everything but": a {@code /**} route would
 * also take {@code /webjars/swagger-ui/**}, which springdoc serves with a lower precedence than routes.
 * The portal signs its users in itself (Keycloak, session cookie, CSRF), so the edge lets every call
 * through to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalRoutes.Portal.class)
public class PortalRoutes {

    /** Route metadata marking a route to the portal: the client relay and the outage page apply to it. */
    public static final String METADATA = "portal";

    /** What the gateway answers itself or sends to the services; the portal has everything else. */
    public static final String[] EDGE_PATHS = {
        "/api/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/actuator/**"
    };

    static final String BREAKER = "portal";

    @ConfigurationProperties("senim.gateway.portal")
    record Portal(URI uri, Duration materialFileResponseTimeout) {}

    @Bean
    RouteLocator portal(RouteLocatorBuilder routes, Portal portal) {
        return routes.routes()
                // Like the API's material upload, a material's file sent through the portal's form may take
                // longer than the global response timeout.
                .route(
                        "portal-material-files",
                        route -> route.order(Ordered.LOWEST_PRECEDENCE - 1)
                                .path("/training/materials/*/file")
                                .filters(PortalRoutes::toThePortal)
                                .metadata(METADATA, true)
                                .metadata(
                                        RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                                        portal.materialFileResponseTimeout().toMillis())
                                .uri(portal.uri()))
                .route(
                        "portal",
                        route -> route.order(Ordered.LOWEST_PRECEDENCE)
                                .not(edge -> edge.path(EDGE_PATHS))
                                .filters(PortalRoutes::toThePortal)
                                .metadata(METADATA, true)
                                .uri(portal.uri()))
                .build();
    }

    // The portal builds its links and its sign-in redirect from the Host the browser used, not its own.
    private static UriSpec toThePortal(GatewayFilterSpec filters) {
        return filters.preserveHostHeader().circuitBreaker(breaker -> breaker.setName(BREAKER));
    }
}
