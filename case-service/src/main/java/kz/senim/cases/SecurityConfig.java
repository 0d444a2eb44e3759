package kz.senim.cases;

import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what in case-service; object-level rules live in the features. */
@Configuration
class SecurityConfig {

    /**
     * The trust box's sender side, the platform's only anonymous writes. This chain has no token
     * support at all (a bearer token sent here is ignored, never decoded), no session, no cookie
     * and no request cache: nothing that could tie a message to a person.
     */
    @Bean
    @Order(1)
    SecurityFilterChain trustBoxSender(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/trust-box/schools/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(AbstractHttpConfigurer::disable)
                // Everything here is the anonymous sender's: the receipt in the body is the only credential.
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a
                        // Coordinators answer the trust box.
                        .requestMatchers("/api/trust-box/threads", "/api/trust-box/threads/**")
                        .hasRole("coordinator")
                        // Triage, escalation and the team are the coordinators' work (docs/domain.md §2).
                        .requestMatchers("/api/cases/*/legal-hold")
                        .hasRole("coordinator")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/triage", "/api/cases/*/escalation")
                        .hasRole("coordinator")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/mediators")
                        .hasRole("coordinator")
                        .requestMatchers(HttpMethod.DELETE, "/api/cases/*/mediators/*")
                        .hasRole("coordinator")
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/cases/*/eligible-mediators",
                                "/api/cases/*/mediator-candidates",
                                "/api/cases/*/audit")
                        .hasRole("coordinator")
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/parties/*/identification")
                        .hasRole("coordinator")
                        // A mediator (or a coordinator mediating) declares their own conflict of interest.
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/conflict-of-interest")
                        .hasAnyRole("mediator", "coordinator")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/advisor")
                        .hasRole("coordinator")
                        .requestMatchers("/api/cases/**", "/api/consultations", "/api/consultations/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
