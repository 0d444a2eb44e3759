package kz.senim.gateway.trustbox;

import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trust box promises its senders that no IP address, browser data or cookie is kept (docs/domain.md
 * §4). On routes marked {@code anonymous-sender: true} this removes them from the forwarded request.
 * It is a headers filter ordered last, so it also removes what the gateway itself would add (e.g. the
 * X-Forwarded-For it writes once {@code trusted-proxies} is configured).
 */
@Component
class TrustBoxAnonymity implements HttpHeadersFilter, Ordered {

    static final String ROUTE_METADATA = "anonymous-sender";

    private static final List<String> IDENTIFYING = List.of(
            HttpHeaders.USER_AGENT,
            HttpHeaders.COOKIE,
            "Forwarded",
            "X-Forwarded-For",
            "X-Real-IP",
            "X-Client-IP",
            "True-Client-IP",
            "CF-Connecting-IP",
            "Via");

    // Reactor Netty adds "User-Agent: ReactorNetty/<version>" when the header is absent; a fixed value
    // says nothing about the sender and keeps the service from seeing the library's default.
    static final String NEUTRAL_USER_AGENT = "senim-gateway";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null
                || !Boolean.parseBoolean(String.valueOf(route.getMetadata().get(ROUTE_METADATA)))) {
            return input;
        }
        HttpHeaders anonymous = HttpHeaders.copyOf(input);
        IDENTIFYING.forEach(anonymous::remove);
        anonymous.set(HttpHeaders.USER_AGENT, NEUTRAL_USER_AGENT);
        return anonymous;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
