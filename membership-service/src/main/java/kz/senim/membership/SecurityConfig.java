package kz.senim.membership;

import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what in membership-service; object-level rules (own school, own application, the
 * coordinator of the school) live in the features.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a
                        // The club's public page: readable without login.
                        .requestMatchers(HttpMethod.GET, "/api/schools/*/club")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/schools")
                        .hasRole("admin")
                        .requestMatchers(HttpMethod.PUT, "/api/schools/*")
                        .hasRole("admin")
                        .requestMatchers("/api/people", "/api/people/**")
                        .hasAnyRole("coordinator", "admin")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
