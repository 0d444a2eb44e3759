package kz.senim.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final List<String> checked = new ArrayList<>();

    /** The full check: records each token it is asked about, refuses those starting with "forged". */
    private final ReactiveJwtDecoder fullCheck = token -> {
        checked.add(token);
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("user-" + token)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .build());
    };

    @Test
    void a_token_that_passed_the_full_check_is_not_checked_again_while_it_is_valid() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck, at(now.plus(Duration.ofMinutes(4))));

        Jwt first = tokens.decode("a").block();
        Jwt second = tokens.decode("a").block();

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("a");
    }

    @Test
    void an_expired_token_goes_through_the_full_check_again() {
        MovableClock clock = new MovableClock(now);
        VerifiedTokens tokens = new VerifiedTokens(fullCheck, clock);
        tokens.decode("a").block();

        clock.now = now.plus(Duration.ofMinutes(7));
        tokens.decode("a").block();

        assertThat(checked).containsExactly("a", "a");
    }

    @Test
    void a_refused_token_is_never_remembered() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck, at(now));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(checked).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void the_memory_is_bounded() {
        VerifiedTokens tokens = new VerifiedTokens(fullCheck, at(now));

        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.decode("t" + i).block();
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
