package kz.senim.gateway.problem;

import java.time.Duration;
import kz.senim.gateway.correlation.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the top of the gateway (no route, a service down or too slow, a
 * bug) into problem+json, or for a browser that cannot reach the portal into a plain page. Runs before Boot's default handler (order -1). Logs name the route and the
 * request id, never the path (a trust-box path may hold a receipt code), the caller's address or user
 * agent.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;
    private final String retryAfterOutage;
    private final PortalUnavailablePage portalUnavailable = new PortalUnavailablePage();

    GatewayErrorHandler(
            ProblemResponses problems, @Value("${senim.gateway.circuit-breaker.open-wait:3s}") Duration openWait) {
        this.problems = problems;
        // A service that cannot be reached or did not answer in time is not tried again before its circuit
        // breaker would let calls through.
        this.retryAfterOutage = String.valueOf(Math.max(1, openWait.toSeconds()));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        GatewayProblem problem = GatewayProblem.of(error);
        try (var ignored = MDC.putCloseable(RequestId.KEY, RequestId.of(exchange))) {
            logged(exchange, problem, error);
        }
        if (problem == GatewayProblem.SERVICE_UNAVAILABLE || problem == GatewayProblem.GATEWAY_TIMEOUT) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterOutage);
        }
        if (PortalUnavailablePage.fits(exchange, problem)) {
            return portalUnavailable.write(exchange, problem);
        }
        if (problem == GatewayProblem.REQUEST_REJECTED && error instanceof ResponseStatusException rejected) {
            exchange.getResponse().getHeaders().addAll(rejected.getHeaders());
            return problems.write(exchange, problem, rejected.getStatusCode());
        }
        return problems.write(exchange, problem);
    }

    private static void logged(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "-";
        String method = exchange.getRequest().getMethod().name();
        switch (problem) {
            case NOT_FOUND, REQUEST_REJECTED, PAYLOAD_TOO_LARGE ->
                log.debug("{} call answered {}: {}", method, problem.status(), error.toString());
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT ->
                log.warn("Route {} failed for a {} call: {}", routeId, method, error.toString());
            default -> log.error("Unexpected error on route {} for a {} call", routeId, method, error);
        }
    }
}
