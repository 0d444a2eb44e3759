package kz.senim.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import kz.senim.gateway.portal.PortalRoutes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who an anonymous caller is, also when the portal calls the API on a browser's behalf. The portal's
 * pages reach the API from the portal's address, so all browsers would share one anonymous bucket.
 * Instead the gateway tells the portal, in {@code X-Senim-Client}, the opaque key it counts that
 * browser by (never its address), and the portal hands it back on its API calls together with the
 * shared secret in {@code X-Senim-Portal-Relay}. Without the right secret the header is ignored.
 *
 * <p>As a headers filter it removes both headers from every forwarded request, so neither the key a
 * browser sends nor the secret ever reaches a service, and on the portal's routes it writes the key
 * and removes the headers that would tell the portal the browser's address.
 */
@Component
public class PortalRelay implements HttpHeadersFilter, Ordered {

    public static final String CLIENT = "X-Senim-Client";
    public static final String SECRET = "X-Senim-Portal-Relay";

    private static final List<String> ADDRESSES =
            List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP");

    private final ClientKeys clients;
    private final byte[] secret;

    PortalRelay(RateLimitProperties limits, @Value("${senim.gateway.portal-relay-secret:}") String secret) {
        this.clients = new ClientKeys(limits.clientAddressFromForwardedFor());
        this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** The key the anonymous limits count this call by: the relayed browser's, or else the caller's. */
    ClientKeys.ClientKey clientOf(ServerHttpRequest request) {
        if (relayedByThePortal(request)) {
            var relayed = ClientKeys.ClientKey.ofText(request.getHeaders().getFirst(CLIENT));
            if (relayed.isPresent()) {
                return relayed.get();
            }
        }
        return clients.of(request);
    }

    private boolean relayedByThePortal(ServerHttpRequest request) {
        String offered = request.getHeaders().getFirst(SECRET);
        // isEqual takes the same time for every offered text of the secret's length.
        return secret.length > 0
                && offered != null
                && MessageDigest.isEqual(secret, offered.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        boolean toThePortal = route != null
                && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(PortalRoutes.METADATA)));
        if (!toThePortal && !input.containsHeader(CLIENT) && !input.containsHeader(SECRET)) {
            return input;
        }
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        forwarded.remove(CLIENT);
        forwarded.remove(SECRET);
        if (toThePortal) {
            ADDRESSES.forEach(forwarded::remove);
            forwarded.set(CLIENT, clients.of(exchange.getRequest()).text());
        }
        return forwarded;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
