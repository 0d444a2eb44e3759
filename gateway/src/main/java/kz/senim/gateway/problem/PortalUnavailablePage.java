package kz.senim.gateway.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.senim.gateway.portal.PortalRoutes;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What a browser sees while the portal cannot be reached: a plain page in kk, ru and en, without
 * scripts or styles so that any Content-Security-Policy allows it. Calls that do not ask for HTML get
 * problem+json like every other error.
 */
final class PortalUnavailablePage {

    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final byte[] page;

    PortalUnavailablePage() {
        try (InputStream html = new ClassPathResource("pages/portal-unavailable.html").getInputStream()) {
            this.page = html.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean fits(ServerWebExchange exchange, GatewayProblem problem) {
        return (problem == GatewayProblem.SERVICE_UNAVAILABLE || problem == GatewayProblem.GATEWAY_TIMEOUT)
                && toThePortal(exchange)
                && asksForHtml(exchange);
    }

    Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(HTML_UTF8);
        headers.setContentLength(page.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(page)));
    }

    private static boolean toThePortal(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null
                && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(PortalRoutes.METADATA)));
    }

    private static boolean asksForHtml(ServerWebExchange exchange) {
        try {
            List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
            // Only an explicit text/html: "*/*" is what curl and API clients send.
            return accepted.stream()
                    .anyMatch(type -> type.getQualityValue() > 0
                            && "text".equals(type.getType())
                            && "html".equals(type.getSubtype()));
        } catch (InvalidMediaTypeException malformedHeader) {
            return false;
        }
    }
}
