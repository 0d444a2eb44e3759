package kz.senim.platform.security;

import kz.senim.platform.problem.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What every Senim service's {@code SecurityConfig} starts with: stateless bearer-token
 * authentication against Keycloak, problem+json for 401 and 403, and the public operational
 * endpoints. The service then states its own authorization rules.
 */
public class SenimHttpSecurity {

    private final Problems problems;

    public SenimHttpSecurity(Problems problems) {
        this.problems = problems;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // RFC 6750: say that a token was sent but refused, without saying why.
            response.setHeader(
                    "WWW-Authenticate",
                    e instanceof OAuth2AuthenticationException
                            ? "Bearer realm=\"senim\", error=\"invalid_token\""
                            : "Bearer realm=\"senim\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
        };
        AccessDeniedHandler forbidden =
                (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(new SenimJwtConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll());
    }
}
