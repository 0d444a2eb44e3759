package kz.senim.test.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** {@link WithKeycloak} gives a Spring context a decoder that accepts the harness's real tokens. */
@SpringBootTest(classes = KeycloakInfrastructureIT.Empty.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithKeycloak
class KeycloakInfrastructureIT {

    @Autowired
    JwtDecoder jwtDecoder;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    String issuerUri;

    @Test
    void decodes_a_real_token_and_checks_its_issuer() {
        SenimKeycloak keycloak = SenimKeycloak.get();
        Jwt jwt = jwtDecoder.decode(keycloak.passwordToken("teacher.gym1", SenimKeycloak.DEMO_PASSWORD));

        assertThat(jwt.getIssuer()).hasToString(keycloak.issuerUri());
        assertThat(jwt.getClaimAsString("school_id")).isEqualTo("demo-gymnasium-1");
        assertThat(jwt.getClaimAsMap("realm_access")).containsKey("roles");
        assertThat(issuerUri).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void refuses_a_tampered_token() {
        String token = SenimKeycloak.get().passwordToken("parent.sch2", SenimKeycloak.DEMO_PASSWORD);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> jwtDecoder.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
