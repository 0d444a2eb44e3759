package kz.senim.cases.confidential;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for confidential text. {@code keyId}/{@code key} encrypt everything new; {@code retiredKeys}
 * (id → base64 key) still decrypt what older keys wrote, so keys rotate without re-encrypting at once.
 */
@ConfigurationProperties("senim.cases.encryption")
public record EncryptionProperties(String keyId, String key, Map<String, String> retiredKeys) {

    public EncryptionProperties {
        retiredKeys = retiredKeys == null ? Map.of() : Map.copyOf(retiredKeys);
    }
}
