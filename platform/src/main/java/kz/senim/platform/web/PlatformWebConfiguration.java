package kz.senim.platform.web;

import java.util.List;
import kz.senim.platform.problem.ProblemHandling;
import kz.senim.platform.problem.Problems;
import kz.senim.platform.problem.RequestIds;
import kz.senim.platform.security.CurrentUserArgumentResolver;
import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The web side every Senim service shares: problem details, request ids, the current user. */
@AutoConfiguration
public class PlatformWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    @Bean
    Problems problems(MessageSource messages, JsonMapper json) {
        return new Problems(messages, json);
    }

    @Bean
    ProblemHandling problemHandling(Problems problems, MessageSource messages) {
        return new ProblemHandling(problems, messages);
    }

    @Bean
    SenimHttpSecurity senimHttpSecurity(Problems problems) {
        return new SenimHttpSecurity(problems);
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        // Before Spring Security, so 401 and 403 answers carry the id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
