package kz.senim.cases.confidential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts confidential text (narratives, notes, agreement terms, names of people without an
 * account) with AES-256-GCM before it is stored. A sealed value reads
 * {@code senim:v1:<key id>:<base64 of nonce and ciphertext>}: the key id travels with every value,
 * so a rotated key still opens what it wrote.
 */
@Component
@EnableConfigurationProperties(EncryptionProperties.class)
public class ConfidentialTexts {

    private static final String PREFIX = "senim:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    ConfidentialTexts(EncryptionProperties properties) {
        if (properties.keyId() == null
                || properties.keyId().isBlank()
                || properties.keyId().contains(":")) {
            throw new IllegalStateException("senim.cases.encryption.key-id is required and has no ':'");
        }
        currentKeyId = properties.keyId();
        keys.put(currentKeyId, key(currentKeyId, properties.key()));
        properties.retiredKeys().forEach((id, key) -> keys.putIfAbsent(id, key(id, key)));
    }

    private static SecretKey key(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Encryption key " + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Encryption key " + id + " must be 256 bits");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The sealed form of a text; {@code null} stays {@code null}. */
    public String seal(String text) {
        if (text == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** The text of a sealed value; {@code null} stays {@code null}. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed value");
        }
        String rest = sealed.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String keyId = rest.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Unknown encryption key id " + keyId);
        }
        byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a value sealed with key " + keyId, e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }
}
