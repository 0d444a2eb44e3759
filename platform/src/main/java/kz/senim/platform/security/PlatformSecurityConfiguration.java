package kz.senim.platform.security;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Every service's token check, whichever decoder the service (or a test) defines, remembers what passed. */
@AutoConfiguration
@ConditionalOnClass(JwtDecoder.class)
public class PlatformSecurityConfiguration {

    @Bean
    static BeanPostProcessor senimVerifiedJwts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedJwts)) {
                    return new VerifiedJwts(decoder, Clock.systemUTC());
                }
                return bean;
            }
        };
    }
}
