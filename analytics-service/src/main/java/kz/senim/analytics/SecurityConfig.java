package kz.senim.analytics;

import kz.senim.platform.security.Role;
import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reports are for coordinators and admins; which school a caller may see (own school, or every school for the
 * district admin) is decided in {@code report.Reports}, so that another school answers 404 rather than 403.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/reports/**")
                        .hasAnyRole(Role.COORDINATOR.realmName(), Role.ADMIN.realmName())
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
