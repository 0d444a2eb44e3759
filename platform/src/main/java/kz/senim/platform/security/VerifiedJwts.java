package kz.senim.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens a service has already verified, so that a caller's next requests with the same token
 * skip parsing and the RSA signature check (about a tenth of case-service's CPU per request under load,
 * decision 157). Keyed by the whole token, signature included, so only the exact bytes that passed are trusted;
 * a remembered token is used only until it expires (with the clock skew Spring's own validator allows), then it
 * goes through the full check again and fails it. Refused tokens are never remembered. Bounded: when full, it
 * forgets everything and starts over. The gateway keeps the same kind of memory for its own check.
 */
public final class VerifiedJwts implements JwtDecoder {

    static final int CAPACITY = 10_000;

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedJwts(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt().plus(SKEW))) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
