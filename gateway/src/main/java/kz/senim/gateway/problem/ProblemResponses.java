package kz.senim.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.senim.gateway.correlation.RequestId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own errors as RFC 9457 {@code application/problem+json}, in kk, ru or en. */
@Component
public class ProblemResponses {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("kk"), Locale.of("ru"));

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(exchange, problem, problem.status());
    }

    /** For a problem whose status is decided by the exception (e.g. 405 or 413 as a rejected request). */
    Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, HttpStatusCode status) {
        Locale locale = languageOf(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", messages.getMessage(problem.titleKey(), null, locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(problem.detailKey(), null, locale));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("requestId", RequestId.of(exchange));
        byte[] bytes = json.writeValueAsBytes(body);

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setContentLanguage(locale);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    private static Locale languageOf(ServerWebExchange exchange) {
        try {
            Locale chosen = Locale.lookup(exchange.getRequest().getHeaders().getAcceptLanguage(), LANGUAGES);
            return chosen != null ? chosen : Locale.ENGLISH;
        } catch (IllegalArgumentException malformedHeader) {
            return Locale.ENGLISH;
        }
    }
}
