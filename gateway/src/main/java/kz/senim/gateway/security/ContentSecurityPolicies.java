package kz.senim.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Content-Security-Policy} for answers that bring none: {@code /api/**} answers are data and
 * may load and be framed by nothing; other pages (Swagger UI, the portal) get the configured
 * policy, or none when it is empty, so a page served through the gateway can bring its own.
 */
final class ContentSecurityPolicies implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    @ConfigurationProperties("senim.gateway.headers")
    record Pages(String contentSecurityPolicy) {}

    private final String pages;

    ContentSecurityPolicies(Pages pages) {
        this.pages = pages.contentSecurityPolicy() == null
                ? ""
                : pages.contentSecurityPolicy().strip();
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        var headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            String policy = exchange.getRequest().getPath().value().startsWith("/api/") ? API : pages;
            if (!policy.isEmpty()) {
                headers.set(HEADER, policy);
            }
        }
        return Mono.empty();
    }
}
