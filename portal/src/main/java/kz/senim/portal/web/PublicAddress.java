package kz.senim.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request look as if it arrived at the configured public address. The portal sits behind
 * the gateway (and maybe a TLS proxy), so its own scheme, host and port are not the browser's; taking
 * them from configuration rather than from Host or X-Forwarded headers means no header can steer a
 * redirect (after login, to Keycloak) elsewhere.
 */
final class PublicAddress extends OncePerRequestFilter {

    private final String scheme;
    private final String host;
    private final int port;

    PublicAddress(URI publicUrl) {
        this.scheme = publicUrl.getScheme();
        this.host = publicUrl.getHost();
        this.port = publicUrl.getPort() != -1 ? publicUrl.getPort() : "https".equals(scheme) ? 443 : 80;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AsPublic(request), response);
    }

    private final class AsPublic extends HttpServletRequestWrapper {

        AsPublic(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(host);
            if (!(port == 80 && "http".equals(scheme)) && !(port == 443 && "https".equals(scheme))) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
