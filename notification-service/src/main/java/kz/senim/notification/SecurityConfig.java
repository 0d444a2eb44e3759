package kz.senim.notification;

import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The caller's own inbox and preferences; failed deliveries are for admins. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/notifications/failed-deliveries/**")
                        .hasRole("admin")
                        // The one-click unsubscribe link of a mail carries its own signed token.
                        .requestMatchers("/api/notifications/unsubscribe")
                        .permitAll()
                        .requestMatchers("/api/notifications/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
