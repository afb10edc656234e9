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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The last rebuild's progress as two gauges per processor, events replayed and events to replay
 * ({@link MeterNames#REBUILD_REPLAYED}, {@link MeterNames#REBUILD_TARGET}): their ratio is the progress, equal once it
 * is done. The same figures as {@code GET /api/admin/projections} ("lastRebuild"), taken from it every
 * {@code studio.metrics.projection-interval} off the scrape's path; both stay 0 until this node starts a rebuild.
 */
@Component
public class RebuildMeters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildMeters.class);

    private final ProjectionStatus projection;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Map<String, Progress> progress = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rebuild-meters");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildMeters(ProjectionStatus projection, MeterRegistry registry,
                         @Value("${studio.metrics.projection-interval:10s}") Duration interval) {
        this.projection = projection;
        this.registry = registry;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        timer.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            Map<String, Object> status = projection.status();
            Progress values = progress.computeIfAbsent(String.valueOf(status.get("processor")), this::register);
            if (status.get("lastRebuild") instanceof Map<?, ?> last) {
                values.replayed = ((Number) last.get("processed")).doubleValue();
                values.total = ((Number) last.get("total")).doubleValue();
            }
        } catch (RuntimeException e) {
            log.debug("rebuild progress not measured this time", e);
        }
    }

    /** The last measurement, read by the gauges on the scraper's thread. */
    private static final class Progress {
        volatile double replayed;
        volatile double total;
    }

    private Progress register(String processor) {
        Progress values = new Progress();
        Gauge.builder(MeterNames.REBUILD_REPLAYED, values, v -> v.replayed).tag("processor", processor)
             .description("Events the last rebuild has replayed so far").register(registry);
        Gauge.builder(MeterNames.REBUILD_TARGET, values, v -> v.total).tag("processor", processor)
             .description("Events the last rebuild has to replay").register(registry);
        return values;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
