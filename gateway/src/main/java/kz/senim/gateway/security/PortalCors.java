package kz.senim.gateway.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * Cross-origin access to {@code /api/**} for the configured portal origins; preflights are answered
 * here, before authentication. With no origins configured the gateway does no CORS at all (the portal
 * is served from the same origin). A request that is not a preflight is never refused for its
 * {@code Origin}: behind a TLS proxy a same-origin call can look cross-origin to the gateway
 * (https outside, http inside), and without CORS headers a browser withholds a foreign answer anyway.
 */
final class PortalCors {

    @ConfigurationProperties("senim.gateway.cors")
    record Origins(List<String> allowedOrigins) {

        Origins {
            allowedOrigins = allowedOrigins == null
                    ? List.of()
                    : allowedOrigins.stream()
                            .map(String::strip)
                            .filter(origin -> !origin.isEmpty())
                            .toList();
        }
    }

    private PortalCors() {}

    static CorsWebFilter filter(Origins origins) {
        if (origins.allowedOrigins().isEmpty()) {
            CorsConfigurationSource none = exchange -> null;
            return new CorsWebFilter(none);
        }
        CorsConfiguration portal = new CorsConfiguration();
        portal.setAllowedOrigins(origins.allowedOrigins());
        portal.setAllowedMethods(List.of(
                HttpMethod.GET.name(),
                HttpMethod.HEAD.name(),
                HttpMethod.POST.name(),
                HttpMethod.PUT.name(),
                HttpMethod.DELETE.name()));
        portal.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT_LANGUAGE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH,
                "Idempotency-Key",
                "X-Request-Id"));
        portal.setExposedHeaders(
                List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        portal.setAllowCredentials(false);
        portal.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", portal);
        return new CorsWebFilter(source, new PreflightOnlyRefusal());
    }

    private static final class PreflightOnlyRefusal extends DefaultCorsProcessor {

        @Override
        public boolean process(@Nullable CorsConfiguration config, ServerWebExchange exchange) {
            if (config != null
                    && !CorsUtils.isPreFlightRequest(exchange.getRequest())
                    && config.checkOrigin(exchange.getRequest().getHeaders().getOrigin()) == null) {
                return true;
            }
            return super.process(config, exchange);
        }
    }
}
