package th.pmqa.studio.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open event streams on this node per kind ({@link MeterNames#LIVE_SUBSCRIBERS}): counted from the moment a stream's
 * answer is committed, with its first frame or heartbeat (a refused request is no subscriber), until it ends or the client goes away. One filter rather than a
 * line in each controller. Only the known kinds are counted: a tag taken from any path a client makes up would let
 * clients grow the registry without bound.
 */
@Component
public class StreamSubscriberMeters implements WebFilter, Ordered {

    /** The streams there are, registered at zero so that a dashboard shows them before anyone subscribes. */
    static final List<String> KINDS = List.of("report", "changes", "comments", "presence", "dashboard");

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> open = new java.util.concurrent.ConcurrentHashMap<>();

    public StreamSubscriberMeters(MeterRegistry registry) {
        this.registry = registry;
        KINDS.forEach(this::counter);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The stream kind a path asks for, or {@code null} when it is no stream. */
    static String kindOf(String path) {
        if (!path.startsWith("/api/") || !path.endsWith("/stream")) {
            return null;
        }
        String[] segments = path.split("/");
        // /api/assessments/{id}/stream is the report's own stream
        String kind = segments.length == 5 && segments[2].equals("assessments") ? "report" : segments[segments.length - 2];
        return KINDS.contains(kind) ? kind : null;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String kind = HttpMethod.GET.equals(exchange.getRequest().getMethod())
                      ? kindOf(exchange.getRequest().getPath().pathWithinApplication().value()) : null;
        if (kind == null) {
            return chain.filter(exchange);
        }
        AtomicBoolean counted = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            var status = exchange.getResponse().getStatusCode();
            if (status != null && status.is2xxSuccessful() && counted.compareAndSet(false, true)) {
                counter(kind).incrementAndGet();
            }
            return Mono.empty();
        });
        return chain.filter(exchange).doFinally(signal -> {
            if (counted.compareAndSet(true, false)) {
                counter(kind).decrementAndGet();
            }
        });
    }

    private AtomicInteger counter(String kind) {
        return open.computeIfAbsent(kind, k -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(MeterNames.LIVE_SUBSCRIBERS, count, AtomicInteger::get).tag("stream", k)
                 .description("Open server-sent event streams on this node").register(registry);
            return count;
        });
    }
}
