package kz.senim.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Whether Keycloak (the sign-in service) answers, asked at most every few seconds: the portal sends no
 * browser to a login page that cannot load, and tells the person instead.
 */
@Component
public class SignInService {

    /** How long an answer is trusted before Keycloak is asked again. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI probe;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant askedAt = Instant.MIN;
    private volatile boolean answered = true;

    SignInService(PortalProperties portal) {
        this.probe = URI.create(portal.backchannelRealm() + "/.well-known/openid-configuration");
    }

    /** True when Keycloak answered lately; false when it could not be reached. */
    public boolean answers() {
        Instant now = clock.instant();
        if (now.isBefore(askedAt.plus(REMEMBERED))) {
            return answered;
        }
        answered = ask();
        askedAt = now;
        return answered;
    }

    /** Remembers that Keycloak could not be reached (e.g. a token refresh just failed to connect). */
    void unreachable() {
        answered = false;
        askedAt = clock.instant();
    }

    private boolean ask() {
        try {
            HttpRequest request = HttpRequest.newBuilder(probe)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
