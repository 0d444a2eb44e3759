package kz.senim.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method (or every method of a controller) that is called without a token, as the
 * service's {@code SecurityConfig} permits it: its OpenAPI operation gets {@code security: []}, so Swagger
 * UI sends no token and the document lists no 401 or 403 for it. Documentation only; the security rules
 * stay where they are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Anonymous {}
