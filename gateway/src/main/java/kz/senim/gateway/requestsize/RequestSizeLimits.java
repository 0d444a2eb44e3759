package kz.senim.gateway.requestsize;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than their path accepts with 413: at once when {@code Content-Length}
 * says so, and while streaming when a body without it (chunked) grows past the limit, which aborts
 * the call to the service. A declared length is enforced by HTTP framing itself, so only bodies
 * without one are counted.
 */
@Component
@EnableConfigurationProperties(RequestSizeProperties.class)
public class RequestSizeLimits {

    private record PathLimit(PathPattern pattern, long maxBytes) {}

    private final long defaultMaxBytes;
    private final List<PathLimit> pathLimits;

    RequestSizeLimits(RequestSizeProperties limits) {
        this.defaultMaxBytes = limits.maxBody().toBytes();
        this.pathLimits = limits.paths().entrySet().stream()
                .map(RequestSizeLimits::pathLimit)
                .toList();
    }

    private static PathLimit pathLimit(Map.Entry<String, DataSize> entry) {
        return new PathLimit(
                PathPatternParser.defaultInstance.parse(entry.getKey()),
                entry.getValue().toBytes());
    }

    /** The web filter: placed in the security chain, so refusals carry the security headers. */
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean streamed = declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared <= 0 && !streamed) {
            return chain.filter(exchange);
        }
        long maxBytes = maxBytes(request.getPath().pathWithinApplication());
        if (declared > maxBytes) {
            return Mono.error(new RequestBodyTooLarge(maxBytes));
        }
        if (!streamed) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] received = {0};
                    return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                        received[0] += buffer.readableByteCount();
                        if (received[0] > maxBytes) {
                            DataBufferUtils.release(buffer);
                            sink.error(new RequestBodyTooLarge(maxBytes));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    long maxBytes(PathContainer path) {
        for (PathLimit limit : pathLimits) {
            if (limit.pattern().matches(path)) {
                return limit.maxBytes();
            }
        }
        return defaultMaxBytes;
    }
}
