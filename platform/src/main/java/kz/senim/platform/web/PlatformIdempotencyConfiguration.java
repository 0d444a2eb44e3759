package kz.senim.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link IdempotentRequests} for every service with a database (its table comes from platform migration V0_3). */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnBean(JdbcClient.class)
public class PlatformIdempotencyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentRequests idempotentRequests(JdbcClient jdbc) {
        return new IdempotentRequests(jdbc);
    }
}
