package kz.senim.platform.web;

import java.util.List;
import java.util.Locale;
import kz.senim.platform.problem.ProblemHandling;
import kz.senim.platform.problem.Problems;
import kz.senim.platform.problem.RequestIds;
import kz.senim.platform.security.CurrentUserArgumentResolver;
import kz.senim.platform.security.SenimHttpSecurity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The web side every Senim service shares: problem details, request ids, the current user. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
public class PlatformWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    /** kk, ru or en from {@code Accept-Language}, English otherwise: the same choice the security filters make. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.of("kk"), Locale.of("ru"), Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /** Strings of JSON bodies that PostgreSQL cannot store answer 400 naming the field (see {@link StorableText}). */
    @Bean
    JacksonModule senimStorableText() {
        return StorableText.module();
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
