package kz.senim.training;

import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what in training-service; object-level rules live in the features. */
@Configuration
class SecurityConfig {

    private static final String[] PLAN_WRITERS = {"coordinator", "admin"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a
                        // iCalendar feeds: phones subscribe without signing in; the unguessable token is the key.
                        .requestMatchers(HttpMethod.GET, "/api/activities/feeds/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/plans/**")
                        .hasAnyRole(PLAN_WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/plans/**")
                        .hasAnyRole(PLAN_WRITERS)
                        .requestMatchers(HttpMethod.PATCH, "/api/plans/**")
                        .hasAnyRole(PLAN_WRITERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/plans/**")
                        .hasAnyRole(PLAN_WRITERS)
                        .requestMatchers("/api/activities/**", "/api/plans/**", "/api/materials/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
