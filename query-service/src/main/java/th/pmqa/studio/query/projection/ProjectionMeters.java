package th.pmqa.studio.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.metrics.MeterNames;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Projection lag per segment as gauges, in events and in seconds (the age of the oldest event the segment has not
 * projected yet). Measured every {@code studio.metrics.projection-interval} (10 s) off the scrape's path: a scrape
 * costs no MongoDB read, and a segment that appears later (a split) gets its gauges then. When the store cannot be
 * read, the gauges keep their last values rather than claim the projection caught up.
 */
@Component
public class ProjectionMeters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMeters.class);

    private final ProjectionStatus projection;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Clock clock;
    private final Map<Integer, Lag> lags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-meters");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionMeters(ProjectionStatus projection, MeterRegistry registry,
                            @Value("${studio.metrics.projection-interval:10s}") Duration interval) {
        this.projection = projection;
        this.registry = registry;
        this.interval = interval;
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        timer.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            for (ProjectionStatus.Backlog backlog : projection.backlogs()) {
                Lag lag = lags.computeIfAbsent(backlog.segment(), this::register);
                lag.events = backlog.lag();
                lag.seconds = backlog.oldestPendingStoredAt() == null ? 0
                        : Math.max(0, Duration.between(backlog.oldestPendingStoredAt(), clock.instant()).toMillis() / 1000.0);
            }
        } catch (RuntimeException e) {
            log.debug("projection lag not measured this time", e);
        }
    }

    /** The last measurement of one segment, read by the gauges on the scraper's thread. */
    private static final class Lag {
        volatile double events;
        volatile double seconds;
    }

    private Lag register(int segment) {
        Lag values = new Lag();
        Gauge.builder(MeterNames.PROJECTION_LAG_EVENTS, values, v -> v.events).tag("segment", Integer.toString(segment))
             .description("Events stored but not yet projected by this segment").register(registry);
        Gauge.builder(MeterNames.PROJECTION_LAG_SECONDS, values, v -> v.seconds).tag("segment", Integer.toString(segment))
             .description("Age of the oldest stored event this segment has not projected yet").baseUnit("seconds")
             .register(registry);
        return values;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
