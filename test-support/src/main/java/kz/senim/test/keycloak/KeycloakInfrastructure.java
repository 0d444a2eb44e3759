package kz.senim.test.keycloak;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Lets a Spring integration test validate real tokens of the harness's Keycloak ({@link SenimKeycloak}):
 * a {@code @Primary} {@link JwtDecoder} reading the realm's JWK set and checking its issuer (and a
 * {@link ReactiveJwtDecoder} in reactive web apps), plus the standard resource-server properties
 * pointing at the same realm. Use with {@code @Import(KeycloakInfrastructure.class)} or {@link WithKeycloak}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KeycloakInfrastructure {

    /** The Keycloak of this JVM (started on first use). */
    @Bean
    SenimKeycloak senimKeycloak() {
        return SenimKeycloak.get();
    }

    /** Validates signature, expiry and issuer against the harness's realm. */
    @Bean
    @Primary
    JwtDecoder keycloakJwtDecoder(SenimKeycloak keycloak) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuerUri()));
        return decoder;
    }

    /** The reactive twin of {@link #keycloakJwtDecoder}, for WebFlux apps such as the gateway. */
    @Bean
    @Primary
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ReactiveJwtDecoder keycloakReactiveJwtDecoder(SenimKeycloak keycloak) {
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuerUri()));
        return decoder;
    }

    /** {@code spring.security.oauth2.resourceserver.jwt.*} pointing at the same realm, for code that reads them. */
    @Bean
    static DynamicPropertyRegistrar keycloakResourceServerProperties() {
        return registry -> {
            registry.add(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    () -> SenimKeycloak.get().issuerUri());
            registry.add(
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    () -> SenimKeycloak.get().jwkSetUri());
        };
    }
}
