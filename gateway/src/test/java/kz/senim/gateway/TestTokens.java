package kz.senim.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keycloak-shaped access tokens signed by a key made for this test run. */
final class TestTokens {

    /** The issuer browsers see; the keys are fetched from the stub's (different) address. */
    static final String ISSUER = "https://auth.senim.test/realms/senim";

    static final String SCHOOL = "7f1c2b8e-3a44-4d6e-9c1f-2b3a4c5d6e7f";

    private static final RSAKey REALM_KEY = newKey("senim-realm");
    private static final RSAKey OTHER_KEY = newKey("senim-realm");

    private TestTokens() {}

    static String jwkSet() {
        return new JWKSet(REALM_KEY.toPublicJWK()).toString();
    }

    static String student() {
        return token(ISSUER, REALM_KEY, List.of("student", "default-roles-senim"), SCHOOL);
    }

    static String studentWithoutSchool() {
        return token(ISSUER, REALM_KEY, List.of("student"), null);
    }

    static String districtAdmin() {
        return token(ISSUER, REALM_KEY, List.of("admin"), null);
    }

    /** A real user of the realm who holds none of Senim's roles. */
    static String withoutSenimRole() {
        return token(ISSUER, REALM_KEY, List.of("offline_access", "uma_authorization"), SCHOOL);
    }

    static String fromOtherIssuer() {
        return token("https://elsewhere.test/realms/senim", REALM_KEY, List.of("student"), SCHOOL);
    }

    static String signedByOtherKey() {
        return token(ISSUER, OTHER_KEY, List.of("student"), SCHOOL);
    }

    private static String token(String issuer, RSAKey key, List<String> roles, String school) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience("account")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("azp", "senim-web")
                .claim("realm_access", Map.of("roles", roles))
                .claim("locale", "kk");
        if (school != null) {
            claims.claim("school_id", school);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
