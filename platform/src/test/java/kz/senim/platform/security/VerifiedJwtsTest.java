package kz.senim.platform.security;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedJwtsTest {

    private final Instant issued = Instant.parse("2026-12-07T10:00:00Z");
    private final List<String> checked = new ArrayList<>();

    /** The full check: records each token it is asked about, refuses those starting with "forged". */
    private final JwtDecoder fullCheck = token -> {
        checked.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("user-" + token)
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(5)))
                .build();
    };

    @Test
    void a_token_that_passed_is_not_checked_again_while_it_is_valid() {
        VerifiedJwts jwts = new VerifiedJwts(fullCheck, at(issued.plus(Duration.ofMinutes(4))));

        Jwt first = jwts.decode("a");
        Jwt second = jwts.decode("a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("a");
    }

    @Test
    void an_expired_token_goes_through_the_full_check_again() {
        VerifiedJwts jwts = new VerifiedJwts(fullCheck, at(issued.plus(Duration.ofMinutes(7))));

        jwts.decode("a");
        jwts.decode("a");

        assertThat(checked).containsExactly("a", "a");
    }

    @Test
    void a_refused_token_is_never_remembered() {
        VerifiedJwts jwts = new VerifiedJwts(fullCheck, at(issued));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);
        }

        assertThat(checked).containsExactly("forged", "forged");
        assertThat(jwts.size()).isZero();
    }

    @Test
    void the_memory_is_bounded() {
        VerifiedJwts jwts = new VerifiedJwts(fullCheck, at(issued));

        for (int i = 0; i <= VerifiedJwts.CAPACITY; i++) {
            jwts.decode("t" + i);
        }

        assertThat(jwts.size()).isLessThanOrEqualTo(VerifiedJwts.CAPACITY);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
