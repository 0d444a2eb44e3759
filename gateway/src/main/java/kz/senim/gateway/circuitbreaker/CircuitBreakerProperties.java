package kz.senim.gateway.circuitbreaker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The breaker of each service ({@code senim.gateway.circuit-breaker.*}), see {@link ServiceCircuitBreakers}. */
@ConfigurationProperties("senim.gateway.circuit-breaker")
record CircuitBreakerProperties(
        float failureRateThreshold, int slidingWindow, int minimumCalls, Duration openWait, int halfOpenCalls) {}
