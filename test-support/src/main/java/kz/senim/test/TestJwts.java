package kz.senim.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signed JWTs shaped like Keycloak's (sub, {@code realm_access.roles}, {@code school_id},
 * {@code locale}) for tests that do not need a real Keycloak. {@link #decoder()} accepts them.
 *
 * <pre>{@code
 * String bearer = TestJwts.user().roles("student").school("demo-gymnasium-1").locale("kk").bearer();
 * }</pre>
 */
public final class TestJwts {

    /** The issuer of every test token; the decoder rejects any other. */
    public static final String ISSUER = "https://keycloak.senim.test/realms/senim";

    private static final KeyPair KEYS = generate();

    private TestJwts() {}

    /** A new user with a random subject id. */
    public static Builder user() {
        return new Builder(UUID.randomUUID().toString());
    }

    public static Builder user(String subject) {
        return new Builder(subject);
    }

    /** Validates signature, expiry and issuer, as the services do with Keycloak's tokens. */
    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    /** A token signed by a key that no decoder trusts. */
    public static String forgedToken() {
        return new Builder(UUID.randomUUID().toString()).roles("admin").sign(generate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Describes one caller; every setter returns the builder. */
    public static final class Builder {
        private final String subject;
        private List<String> roles = List.of();
        private String school;
        private String locale = "en";
        private String issuer = ISSUER;
        private Duration lifetime = Duration.ofMinutes(5);

        private Builder(String subject) {
            this.subject = subject;
        }

        public String subject() {
            return subject;
        }

        public Builder roles(String... realmRoles) {
            this.roles = List.of(realmRoles);
            return this;
        }

        public Builder school(String schoolId) {
            this.school = schoolId;
            return this;
        }

        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** A negative lifetime gives an expired token. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String token() {
            return sign(KEYS);
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + token();
        }

        private String sign(KeyPair keys) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .issueTime(Date.from(now.minusSeconds(1)))
                    .expirationTime(Date.from(now.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("azp", "senim-portal")
                    .claim("realm_access", Map.of("roles", roles))
                    .claim("locale", locale);
            if (school != null) {
                claims.claim("school_id", school);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            try {
                jwt.sign(new RSASSASigner(keys.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
