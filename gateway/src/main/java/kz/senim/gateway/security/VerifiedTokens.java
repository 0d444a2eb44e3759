package kz.senim.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens already verified, so that a client's next calls with the same token skip the
 * signature check (parsing and RSA verification were a tenth of the gateway's CPU per call). Keyed by
 * the whole token, signature included, so only the exact bytes that passed are trusted; a remembered
 * token is used only until it expires, then goes through the full check again (and fails it). Bounded:
 * when full, it forgets everything and starts over. Refused tokens are never remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int CAPACITY = 10_000;

    /** The clock skew Spring's own timestamp validator allows. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final ConcurrentMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known)) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private boolean stillValid(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        return expires != null && clock.instant().isBefore(expires.plus(SKEW));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, jwt);
    }

    int size() {
        return verified.size();
    }
}
