package kz.senim.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The correlation id of one call through the gateway, as sent in {@code X-Request-Id}. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    /** Key in the exchange attributes, the Reactor context and the logging MDC. */
    public static final String KEY = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {}

    /** Keeps the client's id when it is safe to echo and to log, else makes a new one. */
    static String acceptOrGenerate(String offered) {
        if (offered != null && WELL_FORMED.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(KEY);
        return id != null ? id : "";
    }
}
