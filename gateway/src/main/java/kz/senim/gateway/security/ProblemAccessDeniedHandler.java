package kz.senim.gateway.security;

import kz.senim.gateway.problem.GatewayProblem;
import kz.senim.gateway.problem.ProblemResponses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as problem+json: the token is valid but does not belong to a Senim user of a school. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, GatewayProblem.FORBIDDEN);
    }
}
