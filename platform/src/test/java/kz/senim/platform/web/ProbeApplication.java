package kz.senim.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service on the platform, to test what every service gets from it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProbeApplication.ProbeController.class)
class ProbeApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SenimHttpSecurity senim) throws Exception {
        return senim.apply(http)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/open/**")
                        .permitAll()
                        .requestMatchers("/api/coordinators/**")
                        .hasRole("coordinator")
                        .anyRequest()
                        .authenticated())
                .build();
    }

    record Greeting(
            @NotBlank @Size(max = 5) String word, @NotBlank String language) {}

    @RestController
    static class ProbeController {

        @GetMapping("/api/open/me")
        CurrentUser openMe(CurrentUser caller) {
            return caller;
        }

        @GetMapping("/api/me")
        CurrentUser me(CurrentUser caller) {
            return caller;
        }

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            throw new ResourceNotFound("Thing");
        }

        @PostMapping("/api/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }
    }
}
