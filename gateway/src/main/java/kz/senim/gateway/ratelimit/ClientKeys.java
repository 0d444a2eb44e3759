package kz.senim.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who an anonymous caller is, for counting only: an HMAC of its address under a secret drawn at
 * start and never written anywhere. The address itself is not kept; after a restart no key can be
 * linked to an address or to an earlier key. IPv6 clients are counted per /64, the block one
 * household or school gets, so that rotating addresses inside it does not escape the limit.
 */
final class ClientKeys {

    /** The part of an HMAC the buckets are keyed by (128 bits). */
    record ClientKey(long high, long low) {

        private static final int BYTES = 2 * Long.BYTES;
        private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_-]{22}");

        /** The key as the portal relays it: base64url without padding, 22 characters. */
        String text() {
            byte[] bits = ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        }

        /** The key a {@link #text()} stands for; empty for anything else. */
        static Optional<ClientKey> ofText(@Nullable String text) {
            if (text == null || !TEXT.matcher(text).matches()) {
                return Optional.empty();
            }
            try {
                ByteBuffer bits = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
                return Optional.of(new ClientKey(bits.getLong(), bits.getLong()));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final byte[] UNKNOWN = {0};

    private final boolean fromForwardedFor;
    private final ThreadLocal<Mac> macs;

    ClientKeys(boolean fromForwardedFor) {
        this.fromForwardedFor = fromForwardedFor;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    ClientKey of(ServerHttpRequest request) {
        byte[] digest = macs.get().doFinal(addressBytes(request));
        ByteBuffer bits = ByteBuffer.wrap(digest);
        return new ClientKey(bits.getLong(), bits.getLong());
    }

    private byte[] addressBytes(ServerHttpRequest request) {
        if (fromForwardedFor) {
            List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
            if (!forwarded.isEmpty()) {
                // The last entry is the one our proxy wrote; those before it are whatever the client sent.
                return literalBytes(forwarded.getLast().strip());
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return UNKNOWN;
        }
        return counted(remote.getAddress());
    }

    private static byte[] literalBytes(String literal) {
        String unbracketed =
                literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        // Only literals are parsed: getByName would look a host name up in DNS.
        if (unbracketed.indexOf(':') >= 0 || IPV4.matcher(unbracketed).matches()) {
            try {
                return counted(InetAddress.getByName(unbracketed));
            } catch (UnknownHostException | SecurityException notAnAddress) {
                // counted by its text below
            }
        }
        return unbracketed.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] counted(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? Arrays.copyOf(bytes, 8) : bytes;
    }
}
