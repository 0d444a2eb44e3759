package kz.senim.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents type of a {@link SenimEvent}, e.g. {@code kz.senim.membership.school-registered.v1}.
 * Its JSON Schema lives in {@code contracts/} under the same name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
