package th.pmqa.studio.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each person may send {@code studio.rate-limit.writes-per-minute} writes a minute to a node (default 600: a team
 * member typing with autosave, or a browser tab's presence heartbeat every 10 s, stays far below; a runaway script
 * does not), with bursts up to that many. Beyond it: 429 with {@code Retry-After}, before the request reaches a
 * handler, so nothing is stored. Both services have it: the command service for changes, the query service for
 * presence heartbeats (which write to MongoDB too). Counted per node; behind a proxy that spreads one person over N
 * nodes the effective limit is up to N times higher.
 */
public class WriteRateLimit implements WebFilter, Ordered {

    private final long perMinute;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Refusals, for the operator: a client stuck in a retry loop, or a limit set too low. */
    private final io.micrometer.core.instrument.Counter refused;

    public WriteRateLimit(long perMinute, ObjectMapper json) {
        this(perMinute, json, new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    public WriteRateLimit(long perMinute, ObjectMapper json, io.micrometer.core.instrument.MeterRegistry registry) {
        this.perMinute = perMinute;
        this.json = json;
        this.refused = io.micrometer.core.instrument.Counter.builder(th.pmqa.studio.infra.metrics.MeterNames.RATE_LIMITED)
                .description("Write requests refused with 429 by the per-person rate limit").register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Security: the limit is per authenticated person
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (HttpMethod.GET.equals(exchange.getRequest().getMethod())
            || HttpMethod.HEAD.equals(exchange.getRequest().getMethod())
            || HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> java.util.Objects.toString(((JwtAuthenticationToken) p).getToken().getSubject(), ""))
                .flatMap(user -> {
                    if (user.isBlank()) {
                        // no one to count the writes of (the decoder refuses such tokens; this is the last guard)
                        return nobody(exchange).then(Mono.just(true));
                    }
                    ConsumptionProbe probe = buckets.computeIfAbsent(user, u -> newBucket()).tryConsumeAndReturnRemaining(1);
                    return probe.isConsumed() ? chain.filter(exchange).then(Mono.just(true))
                                              : tooMany(exchange, probe).then(Mono.just(true));
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).then(Mono.just(true))))
                .then();
    }

    private Mono<Void> nobody(ServerWebExchange exchange) {
        ProblemDetail problem = new th.pmqa.studio.infra.access.UnauthenticatedProblem(
                "The token names nobody: its sub claim is missing or blank").getBody();
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return ProblemResponses.write(exchange, json, problem);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                     .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                     .build();
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, ConsumptionProbe probe) {
        refused.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "More than " + perMinute + " writes a minute from this account; nothing was saved. Try again in "
                + seconds + " s.");
        problem.setType(URI.create(ProblemResponses.TYPE_BASE + "rate-limited"));
        problem.setTitle("Too many changes");
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return ProblemResponses.write(exchange, json, problem);
    }
}
