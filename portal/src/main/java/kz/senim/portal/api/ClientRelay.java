package kz.senim.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The gateway's opaque key of the browser behind a public page (a keyed hash, never an address), which
 * the portal hands back when it calls the API for that browser, so that the gateway's anonymous rate
 * limits count browsers, not the portal.
 */
final class ClientRelay {

    private ClientRelay() {}

    static Optional<String> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String key = request.getHeader(GatewayApi.CLIENT_HEADER);
            if (key != null && key.matches("[A-Za-z0-9_-]{1,64}")) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
