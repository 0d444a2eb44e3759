package kz.senim.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The errors the gateway answers itself. Each has a stable {@code type} URI and localized title and
 * detail under {@code problem.<slug>.*} in {@code messages*.properties}.
 */
public enum GatewayProblem {
    MISSING_TOKEN(HttpStatus.UNAUTHORIZED, "unauthorized"),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout");

    private static final String TYPE_BASE = "https://senim.kz/problems/";

    private final HttpStatus status;
    private final String slug;

    GatewayProblem(HttpStatus status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    String titleKey() {
        return "problem." + slug + ".title";
    }

    String detailKey() {
        return "problem." + slug + ".detail";
    }
}
