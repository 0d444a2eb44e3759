package kz.senim.gateway.requestsize;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The body is larger than the path accepts; answered 413 by the gateway's error handler. */
final class RequestBodyTooLarge extends ResponseStatusException {

    RequestBodyTooLarge(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + limit + " bytes");
    }
}
