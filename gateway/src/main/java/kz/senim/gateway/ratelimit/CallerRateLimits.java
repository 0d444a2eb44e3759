package kz.senim.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.senim.gateway.problem.GatewayProblem;
import kz.senim.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits of {@code /api/**}, in memory per gateway instance: a signed-in caller is counted by the
 * token's {@code sub}, every other call by a keyed hash of the client's address ({@link ClientKeys}) or,
 * when the portal calls on a browser's behalf, by that browser's key ({@link PortalRelay}),
 * and anonymous writes to the trust box once more against a stricter limit. Over a limit: 429
 * problem+json with {@code Retry-After}. Runs after authentication, so it knows who is calling; a call
 * whose token is rejected is counted as anonymous by {@link #refusalOfRejectedToken}. Neither the address nor
 * the path is logged or put into metrics.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class CallerRateLimits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallerRateLimits.class);
    private static final String API = "/api/";
    private static final String TRUST_BOX = "/api/trust-box/";
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int EXPIRY_SECONDS = 60;

    private final TokenBuckets users;
    private final TokenBuckets anonymous;
    private final TokenBuckets trustBoxWrites;
    private final PortalRelay clients;
    private final ProblemResponses problems;
    private final Counter userLimited;
    private final Counter anonymousLimited;
    private final Counter trustBoxLimited;
    private final ScheduledExecutorService expiry;

    CallerRateLimits(RateLimitProperties limits, PortalRelay clients, ProblemResponses problems, MeterRegistry meters) {
        this.users = TokenBuckets.perSecond(limits.userPerSecond(), limits.userBurst());
        this.anonymous = TokenBuckets.perMinute(limits.anonymousPerMinute(), limits.anonymousBurst());
        this.trustBoxWrites = TokenBuckets.perMinute(limits.trustBoxWritesPerMinute(), limits.trustBoxWritesBurst());
        this.clients = clients;
        this.problems = problems;
        this.userLimited = limitedCounter(meters, "user");
        this.anonymousLimited = limitedCounter(meters, "anonymous");
        this.trustBoxLimited = limitedCounter(meters, "trust-box-writes");
        this.expiry = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("senim-rate-limit-expiry").daemon().factory());
        expiry.scheduleWithFixedDelay(this::forgetFullBuckets, EXPIRY_SECONDS, EXPIRY_SECONDS, TimeUnit.SECONDS);
    }

    /** The web filter: placed after authentication in the security chain. */
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(API)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                        ? token.getToken().getSubject()
                        : null)
                .map(user -> check(exchange, users.take(user, System.nanoTime()), userLimited, "user"))
                .switchIfEmpty(Mono.fromSupplier(() -> anonymousWait(exchange)))
                .flatMap(wait -> wait == 0 ? chain.filter(exchange) : tooManyRequests(exchange, wait));
    }

    /**
     * Counts a call whose token was rejected as anonymous: empty while the client is within the
     * anonymous limit, else the 429 answer to give instead of the 401.
     */
    public Optional<Mono<Void>> refusalOfRejectedToken(ServerWebExchange exchange) {
        if (!exchange.getRequest().getPath().value().startsWith(API)) {
            return Optional.empty();
        }
        long wait = check(
                exchange,
                anonymous.take(clients.clientOf(exchange.getRequest()), System.nanoTime()),
                anonymousLimited,
                "anonymous");
        return wait == 0 ? Optional.empty() : Optional.of(tooManyRequests(exchange, wait));
    }

    private long anonymousWait(ServerWebExchange exchange) {
        if (!anonymous.limits() && !trustBoxWrites.limits()) {
            return 0;
        }
        ClientKeys.ClientKey client = clients.clientOf(exchange.getRequest());
        long now = System.nanoTime();
        long wait = check(exchange, anonymous.take(client, now), anonymousLimited, "anonymous");
        if (wait == 0 && isTrustBoxWrite(exchange)) {
            wait = check(exchange, trustBoxWrites.take(client, now), trustBoxLimited, "trust-box-writes");
        }
        return wait;
    }

    private static boolean isTrustBoxWrite(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return (method == HttpMethod.POST || method == HttpMethod.PUT)
                && exchange.getRequest().getPath().value().startsWith(TRUST_BOX);
    }

    private static long check(ServerWebExchange exchange, long wait, Counter limited, String limit) {
        if (wait > 0) {
            limited.increment();
            log.debug(
                    "A {} call went over the {} rate limit",
                    exchange.getRequest().getMethod().name(),
                    limit);
        }
        return wait;
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, GatewayProblem.TOO_MANY_REQUESTS);
    }

    private void forgetFullBuckets() {
        long now = System.nanoTime();
        for (TokenBuckets buckets : List.of(users, anonymous, trustBoxWrites)) {
            buckets.forgetFull(now);
        }
    }

    private static Counter limitedCounter(MeterRegistry meters, String limit) {
        return Counter.builder("senim.gateway.rate.limited")
                .description("Calls answered 429 because a rate limit was reached")
                .tag("limit", limit)
                .register(meters);
    }

    @Override
    public void close() {
        expiry.shutdownNow();
    }
}
