package kz.senim.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring Boot integration test against real infrastructure: PostgreSQL 17, Kafka and SMTP,
 * each started once per test JVM (containers when Docker answers, embedded otherwise; see
 * {@link InfraSide}), a fresh database per application context, and tokens from {@link TestJwts}.
 * Add {@code @WithKeycloak} (package {@code kz.senim.test.keycloak}) to validate real Keycloak tokens.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SenimInfrastructure.class)
public @interface SenimIntegrationTest {

    /** Extra properties, as in {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
