package kz.senim.gateway.security;

import kz.senim.gateway.problem.GatewayProblem;
import kz.senim.gateway.problem.ProblemResponses;
import kz.senim.gateway.ratelimit.CallerRateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as problem+json with the RFC 6750 challenge. The description in the challenge stays generic:
 * why a token was rejected (signature, issuer, expiry) is for the gateway's debug log, not the caller.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;
    private final CallerRateLimits rateLimits;

    ProblemAuthenticationEntryPoint(ProblemResponses problems, CallerRateLimits rateLimits) {
        this.problems = problems;
        this.rateLimits = rateLimits;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException rejection) {
        boolean tokenRejected = rejection instanceof OAuth2AuthenticationException;
        if (tokenRejected) {
            // A call with a rejected token never reaches the rate limits as a user: it counts as anonymous.
            return rateLimits.refusalOfRejectedToken(exchange).orElseGet(() -> unauthorized(exchange, true));
        }
        return unauthorized(exchange, false);
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, boolean tokenRejected) {
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        tokenRejected
                                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or has expired\""
                                : "Bearer");
        return problems.write(exchange, tokenRejected ? GatewayProblem.INVALID_TOKEN : GatewayProblem.MISSING_TOKEN);
    }
}
