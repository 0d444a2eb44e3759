package kz.senim.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives every call an {@code X-Request-Id}: forwarded to the service, returned to the client (also
 * on the gateway's own errors), kept in the Reactor context (restored into the MDC by whoever logs
 * with it, see {@code GatewayErrorHandler}).
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    // Before Spring Security (-100), so 401 and 403 answers carry the id too.
    static final int ORDER = HIGHEST_PRECEDENCE + 10;

    RequestIdFilter() {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        RequestId.KEY,
                        () -> MDC.get(RequestId.KEY),
                        id -> MDC.put(RequestId.KEY, id),
                        () -> MDC.remove(RequestId.KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id =
                RequestId.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        exchange.getAttributes().put(RequestId.KEY, id);
        // "set" also replaces an id the service may have echoed, so the client sees exactly one.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestId.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestId.HEADER, id)))
                .build();
        return chain.filter(forwarded).contextWrite(Context.of(RequestId.KEY, id));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
