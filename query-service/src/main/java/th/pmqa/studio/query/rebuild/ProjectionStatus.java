package th.pmqa.studio.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.query.report.AssessmentProjector;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the projection stands against the event store (position, head, lag), and drop-and-rebuild with progress.
 * Rebuild resets the tracking tokens: Axon calls the projector's reset handler, which drops the read models, and
 * the processor replays every event into them. With several query nodes, stop the others' processors first (a
 * reset needs every segment's claim).
 */
@Component("projection")
public class ProjectionStatus implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine engine;
    private volatile Rebuild rebuild;

    public ProjectionStatus(EventProcessingConfiguration processing, MongoEventStorageEngine engine) {
        this.processing = processing;
        this.engine = engine;
    }

    private record Rebuild(Instant startedAt, long startPosition, long target) {
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(AssessmentProjector.PROCESSING_GROUP, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException("no streaming processor " + AssessmentProjector.PROCESSING_GROUP));
    }

    /** The lowest position over all segments this node knows of: everything up to it is in the read models. */
    public long position() {
        return processor().processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .min().orElse(0);
    }

    public Map<String, Object> status() {
        StreamingEventProcessor processor = processor();
        long head = engine.headPosition();
        long position = position();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("processor", processor.getName());
        status.put("running", processor.isRunning());
        status.put("segments", processor.processingStatus().size());
        status.put("position", position);
        status.put("head", head);
        status.put("lag", Math.max(0, head - position));
        Rebuild current = rebuild;
        boolean replaying = processor.isReplaying();
        status.put("rebuilding", replaying);
        if (current != null) {
            long processed = Math.max(0, position - current.startPosition());
            double seconds = Math.max(0.001, Duration.between(current.startedAt(), Instant.now()).toMillis() / 1000.0);
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("startedAt", current.startedAt());
            progress.put("processed", Math.min(processed, current.target()));
            progress.put("total", current.target());
            progress.put("eventsPerSecond", Math.round(processed / seconds));
            progress.put("done", !replaying && position >= current.target());
            status.put("lastRebuild", progress);
        }
        return status;
    }

    /** Drops the read models and replays every event into them; returns at once, progress is in {@link #status}. */
    public synchronized Map<String, Object> rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        rebuild = new Rebuild(Instant.now(), 0, engine.headPosition());
        processor.start();
        return status();
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetails(status()).build();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", e.getMessage()).build();
        }
    }
}
