package kz.senim.test.keycloak;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Marks a Spring Boot test class that talks to the harness's real Keycloak: imports
 * {@link KeycloakInfrastructure}, so the application validates tokens from {@link SenimKeycloak#get()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(KeycloakInfrastructure.class)
public @interface WithKeycloak {}
