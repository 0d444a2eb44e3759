package kz.senim.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The limits of {@code senim.gateway.rate-limit.*}; a rate of 0 turns that limit off. */
@ConfigurationProperties("senim.gateway.rate-limit")
record RateLimitProperties(
        double userPerSecond,
        int userBurst,
        double anonymousPerMinute,
        int anonymousBurst,
        double trustBoxWritesPerMinute,
        int trustBoxWritesBurst,
        boolean clientAddressFromForwardedFor) {}
