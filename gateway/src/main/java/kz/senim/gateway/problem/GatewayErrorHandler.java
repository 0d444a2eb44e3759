package kz.senim.gateway.problem;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import kz.senim.gateway.correlation.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the top of the gateway (no route, a service down or too slow, a
 * bug) into problem+json. Runs before Boot's default handler (order -1). Logs name the route and the
 * request id, never the path (a trust-box path may hold a receipt code), the caller's address or user
 * agent.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;

    GatewayErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        GatewayProblem problem = classify(error);
        try (var ignored = MDC.putCloseable(RequestId.KEY, RequestId.of(exchange))) {
            logged(exchange, problem, error);
        }
        if (problem == GatewayProblem.REQUEST_REJECTED && error instanceof ResponseStatusException rejected) {
            exchange.getResponse().getHeaders().addAll(rejected.getHeaders());
            return problems.write(exchange, problem, rejected.getStatusCode());
        }
        return problems.write(exchange, problem);
    }

    static GatewayProblem classify(Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                return GatewayProblem.INTERNAL_ERROR;
            }
            return switch (status) {
                case NOT_FOUND -> GatewayProblem.NOT_FOUND;
                case BAD_GATEWAY -> GatewayProblem.BAD_GATEWAY;
                case SERVICE_UNAVAILABLE -> GatewayProblem.SERVICE_UNAVAILABLE;
                case GATEWAY_TIMEOUT -> GatewayProblem.GATEWAY_TIMEOUT;
                default -> status.is4xxClientError() ? GatewayProblem.REQUEST_REJECTED : GatewayProblem.INTERNAL_ERROR;
            };
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // ConnectException covers refused connections and Netty's connect timeout.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return GatewayProblem.SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
                return GatewayProblem.GATEWAY_TIMEOUT;
            }
            if (cause instanceof IOException) {
                // e.g. the service closed the connection before answering
                return GatewayProblem.BAD_GATEWAY;
            }
        }
        return GatewayProblem.INTERNAL_ERROR;
    }

    private static void logged(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "-";
        String method = exchange.getRequest().getMethod().name();
        switch (problem) {
            case NOT_FOUND, REQUEST_REJECTED ->
                log.debug("{} call answered {}: {}", method, problem.status(), error.toString());
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT ->
                log.warn("Route {} failed for a {} call: {}", routeId, method, error.toString());
            default -> log.error("Unexpected error on route {} for a {} call", routeId, method, error);
        }
    }
}
