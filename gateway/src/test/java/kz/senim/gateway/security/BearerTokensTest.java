package kz.senim.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "eyJh.eyJz.c2ln", "a-b_c~d+e/f", "abc=", "abc=="})
    void tokens_of_the_b64token_syntax_are_well_formed(String token) {
        assertThat(BearerTokens.wellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "=", "=abc", "ab c", "abc=d", "a\"b", "a,b", "é"})
    void anything_else_is_malformed(String token) {
        assertThat(BearerTokens.wellFormed(token)).isFalse();
    }

    @Test
    void the_pattern_spring_uses_agrees_on_a_real_looking_token() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXdpdGgtLS1hbmQtXy0";
        assertThat(BearerTokens.wellFormed(token))
                .isEqualTo(token.matches("[a-zA-Z0-9-._~+/]+=*"))
                .isTrue();
    }
}
