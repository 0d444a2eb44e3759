package kz.senim.gateway.circuitbreaker;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import kz.senim.gateway.problem.GatewayProblem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker per service (the routes' {@code CircuitBreaker=<service>} filters). Only outages count
 * as failures: a refused or timed-out connection and an answer later than the route's timeout. A
 * service's own 4xx and 5xx answers pass through and count as successes, so one failing endpoint does
 * not shut a whole service off. An open breaker answers 503 at once (see {@code GatewayErrorHandler}).
 * There is no time limiter: the route timeouts decide how long a call may take.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CircuitBreakerProperties.class)
class ServiceCircuitBreakers {

    // Longer than any route timeout, so that no call is ever counted as slow.
    private static final Duration NEVER_SLOW = Duration.ofHours(1);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakers(CircuitBreakerProperties breaker) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openWait())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .slowCallDurationThreshold(NEVER_SLOW)
                .recordException(GatewayProblem::isOutage)
                .build();
        return factory -> factory.configureDefault(service -> new Resilience4JConfigBuilder(service)
                .circuitBreakerConfig(config)
                .build());
    }
}
