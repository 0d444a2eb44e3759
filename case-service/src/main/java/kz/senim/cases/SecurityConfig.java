package kz.senim.cases;

import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what in case-service; object-level rules live in the features. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a
                        // The platform's only anonymous write: nothing here may identify the sender.
                        .requestMatchers("/api/trust-box/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/triage")
                        .hasRole("coordinator")
                        .requestMatchers("/api/cases/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
