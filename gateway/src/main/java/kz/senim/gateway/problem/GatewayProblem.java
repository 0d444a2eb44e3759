package kz.senim.gateway.problem;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

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
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"),
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

    /** Which of the gateway's errors an exception that reached the top of the gateway stands for. */
    public static GatewayProblem of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseStatusException rse) {
                return ofStatus(rse);
            }
            // ConnectException covers refused connections and Netty's connect timeout; the gateway's
            // ServiceUnavailableException is what an open circuit breaker answers.
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof ServiceUnavailableException) {
                return SERVICE_UNAVAILABLE;
            }
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
                return GATEWAY_TIMEOUT;
            }
            if (cause instanceof IOException) {
                // e.g. the service closed the connection before answering
                return BAD_GATEWAY;
            }
        }
        return INTERNAL_ERROR;
    }

    /** A service that cannot be reached or does not answer in time; what its circuit breaker counts. */
    public static boolean isOutage(Throwable error) {
        GatewayProblem problem = of(error);
        return problem == SERVICE_UNAVAILABLE || problem == GATEWAY_TIMEOUT;
    }

    private static GatewayProblem ofStatus(ResponseStatusException rse) {
        if (rse.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return PAYLOAD_TOO_LARGE;
        }
        HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
        if (status == null) {
            return INTERNAL_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case BAD_GATEWAY -> BAD_GATEWAY;
            case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
            case GATEWAY_TIMEOUT -> GATEWAY_TIMEOUT;
            default -> status.is4xxClientError() ? REQUEST_REJECTED : INTERNAL_ERROR;
        };
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
