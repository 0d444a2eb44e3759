package kz.senim.gateway.security;

import kz.senim.gateway.problem.GatewayProblem;
import kz.senim.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.PermissionsPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Paths Spring Security's firewall refuses before the security chain runs (an encoded {@code /}, {@code \}
 * or NUL, e.g. {@code /api/schools/x%2Fclub}): 400 {@code request-rejected} as problem+json, with the
 * security headers the chain would have written (which it never reaches for these).
 */
final class RejectedExchanges implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedExchanges.class);

    private final ProblemResponses problems;
    private final ServerHttpHeadersWriter headers;

    RejectedExchanges(ProblemResponses problems, ContentSecurityPolicies.Pages pages) {
        this.problems = problems;
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicy.NO_REFERRER);
        PermissionsPolicyServerHttpHeadersWriter permissions = new PermissionsPolicyServerHttpHeadersWriter();
        permissions.setPolicy(SecurityConfig.PERMISSIONS_POLICY);
        this.headers = new CompositeServerHttpHeadersWriter(
                new CacheControlServerHttpHeadersWriter(),
                new XContentTypeOptionsServerHttpHeadersWriter(),
                new XFrameOptionsServerHttpHeadersWriter(),
                referrer,
                permissions,
                new ContentSecurityPolicies(pages));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // The reason names the refused part of the path, which may hold a trust-box receipt: debug only.
        log.debug("{} call refused by the firewall: {}", exchange.getRequest().getMethod(), rejected.getMessage());
        return headers.writeHttpHeaders(exchange).then(problems.write(exchange, GatewayProblem.REQUEST_REJECTED));
    }
}
