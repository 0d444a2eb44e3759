package kz.senim.portal.trustbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-use tokens of the trust box's public forms. The receipt is the answer to the POST itself, so
 * reloading that page (or going back and forward) would post again: a second message and a second
 * receipt. A token is random and says nothing about who holds it; the portal remembers only which
 * tokens were used, for a few hours and in memory.
 */
@Component
class OnceOnlyForms {

    private static final Duration REMEMBERED = Duration.ofHours(6);
    private static final int MAX_REMEMBERED = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;

    OnceOnlyForms() {
        this(Clock.systemUTC());
    }

    OnceOnlyForms(Clock clock) {
        this.clock = clock;
    }

    String issue() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True the first time a well-formed token is used; false when it was used before. */
    boolean use(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{24}")) {
            return true;
        }
        Instant now = clock.instant();
        if (used.size() >= MAX_REMEMBERED) {
            forgetOlderThan(now.minus(REMEMBERED));
        }
        return used.putIfAbsent(token, now) == null;
    }

    /** The form was refused and may be sent again with the same token. */
    void release(String token) {
        if (token != null) {
            used.remove(token);
        }
    }

    private void forgetOlderThan(Instant limit) {
        for (Iterator<Instant> at = used.values().iterator(); at.hasNext(); ) {
            if (at.next().isBefore(limit)) {
                at.remove();
            }
        }
        if (used.size() >= MAX_REMEMBERED) {
            used.clear();
        }
    }
}
