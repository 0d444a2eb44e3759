package kz.senim.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.senim.notification.delivery.UnsubscribeLinks;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.notification.template.PortalSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signed tokens for the unsubscribe link of a non-essential e-mail: user and category, with an
 * HMAC-SHA256, so the link works without signing in and cannot be forged for someone else.
 */
@Component
@EnableConfigurationProperties({UnsubscribeSettings.class, PortalSettings.class})
public class UnsubscribeTokens implements UnsubscribeLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final String portalUrl;

    UnsubscribeTokens(UnsubscribeSettings settings, PortalSettings portal) {
        this.secret = settings.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
        this.portalUrl = portal.base();
    }

    @Override
    public String link(String userId, Category category) {
        return portalUrl + "/api/notifications/unsubscribe?token=" + token(userId, category);
    }

    String token(String userId, Category category) {
        String payload = ENCODER.encodeToString((userId + "\n" + category.name()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    Optional<Subscription> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = token.substring(0, dot);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", 2);
            return Optional.of(new Subscription(parts[0], Category.valueOf(parts[1])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    record Subscription(String userId, Category category) {}
}
