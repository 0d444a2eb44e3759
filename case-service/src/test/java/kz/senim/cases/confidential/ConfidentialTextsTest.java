package kz.senim.cases.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Confidential text at rest: AES-GCM, a key id with every value, keys that rotate. */
class ConfidentialTextsTest {

    static final String TEXT = "Ол менің орнымды алды — he took my seat";

    static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sealed_text_names_its_key_hides_the_text_and_opens_again() {
        ConfidentialTexts texts = new ConfidentialTexts(new EncryptionProperties("k1", key(), Map.of()));

        String sealed = texts.seal(TEXT);

        assertThat(sealed).startsWith("senim:v1:k1:").doesNotContain("seat").doesNotContain("орным");
        assertThat(texts.open(sealed)).isEqualTo(TEXT);
        assertThat(texts.seal(TEXT)).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(texts.seal(null)).isNull();
    }

    @Test
    void after_rotation_new_text_uses_the_new_key_and_old_text_still_opens() {
        String oldKey = key();
        String old = new ConfidentialTexts(new EncryptionProperties("k1", oldKey, Map.of())).seal(TEXT);

        ConfidentialTexts rotated = new ConfidentialTexts(new EncryptionProperties("k2", key(), Map.of("k1", oldKey)));

        assertThat(rotated.open(old)).isEqualTo(TEXT);
        assertThat(rotated.seal(TEXT)).startsWith("senim:v1:k2:");
    }

    @Test
    void a_changed_ciphertext_or_a_wrong_key_never_opens() {
        ConfidentialTexts texts = new ConfidentialTexts(new EncryptionProperties("k1", key(), Map.of()));
        String sealed = texts.seal(TEXT);
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> texts.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ConfidentialTexts(new EncryptionProperties("k1", key(), Map.of())).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> texts.open(sealed.replace(":k1:", ":k9:")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k9");
    }

    @Test
    void a_key_that_is_not_256_bits_is_refused_at_start() {
        assertThatThrownBy(() -> new ConfidentialTexts(new EncryptionProperties("k1", "c2hvcnQ=", Map.of())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ConfidentialTexts(new EncryptionProperties("k:1", key(), Map.of())))
                .isInstanceOf(IllegalStateException.class);
    }
}
