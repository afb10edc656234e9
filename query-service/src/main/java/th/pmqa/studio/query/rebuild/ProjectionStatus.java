package th.pmqa.studio.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
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
    private final com.mongodb.client.MongoCollection<org.bson.Document> tokens;
    private final org.axonframework.serialization.Serializer serializer;
    private volatile Rebuild rebuild;
    /** When a status request first saw the last rebuild done: the rate is measured up to there. */
    private volatile Instant rebuildFinishedAt;

    public ProjectionStatus(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
                            com.mongodb.client.MongoDatabase database, org.axonframework.serialization.Serializer serializer) {
        this.processing = processing;
        this.engine = engine;
        // the Mongo token store's collection: every node's segments, not only the ones claimed here
        this.tokens = database.getCollection("trackingtokens");
        this.serializer = serializer;
    }

    /** Per segment, the stored token: what survives a crash, whichever node owns the segment. */
    private java.util.List<org.axonframework.eventhandling.TrackingToken> storedTokens() {
        java.util.List<org.axonframework.eventhandling.TrackingToken> stored = new java.util.ArrayList<>();
        for (org.bson.Document doc : tokens.find(com.mongodb.client.model.Filters.eq("processorName",
                                                                                    AssessmentProjector.PROCESSING_GROUP))) {
            Object raw = doc.get("token");
            byte[] bytes = raw instanceof org.bson.types.Binary binary ? binary.getData()
                           : raw instanceof byte[] array ? array
                           : raw instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
            stored.add(bytes == null || doc.getString("tokenType") == null ? null
                       : serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                               bytes, byte[].class, doc.getString("tokenType"), null)));
        }
        return stored;
    }

    private record Rebuild(Instant startedAt, long startPosition, long target) {
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(AssessmentProjector.PROCESSING_GROUP, StreamingEventProcessor.class)
                         .orElseThrow(() -> new IllegalStateException("no streaming processor " + AssessmentProjector.PROCESSING_GROUP));
    }

    /**
     * The lowest stored position over all segments, whichever node owns them: everything up to it is in the read
     * models. (A node's own in-memory status would miss segments still claimed by a node that just died.)
     */
    public long position() {
        return lowestPosition(storedTokens());
    }

    private static long lowestPosition(java.util.List<org.axonframework.eventhandling.TrackingToken> stored) {
        return stored.stream().mapToLong(t -> t == null ? 0 : t.position().orElse(0)).min().orElse(0);
    }

    public Map<String, Object> status() {
        StreamingEventProcessor processor = processor();
        long head = engine.headPosition();
        java.util.List<org.axonframework.eventhandling.TrackingToken> stored = storedTokens();
        long position = lowestPosition(stored);
        var local = processor.processingStatus();
        // Caught up means: this node works every segment, and each has read all there is. A segment's token can
        // stop below the head (the last events belong to another segment), so positions alone cannot tell.
        boolean caughtUp = !stored.isEmpty() && local.size() == stored.size()
                           && local.values().stream().allMatch(org.axonframework.eventhandling.EventTrackerStatus::isCaughtUp);
        boolean replaying = !caughtUp && stored.stream().anyMatch(t -> t instanceof org.axonframework.eventhandling.ReplayToken);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("processor", processor.getName());
        status.put("running", processor.isRunning());
        status.put("segments", stored.size());
        status.put("segmentsClaimedHere", local.size());
        status.put("position", position);
        status.put("head", head);
        status.put("caughtUp", caughtUp);
        status.put("lag", caughtUp ? 0 : Math.max(0, head - position));
        status.put("rebuilding", replaying);
        Rebuild current = rebuild;
        if (current != null) {
            boolean done = caughtUp && !replaying;
            long processed = done ? current.target() : Math.min(Math.max(0, position - current.startPosition()), current.target());
            if (done && rebuildFinishedAt == null) {
                rebuildFinishedAt = Instant.now();
            }
            Instant until = done ? rebuildFinishedAt : Instant.now();
            double seconds = Math.max(0.001, Duration.between(current.startedAt(), until).toMillis() / 1000.0);
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("startedAt", current.startedAt());
            progress.put("processed", processed);
            progress.put("total", current.target());
            progress.put("eventsPerSecond", Math.round(processed / seconds));
            progress.put("done", done);
            status.put("lastRebuild", progress);
        }
        return status;
    }

    /** Drops the read models and replays every event into them; returns at once, progress is in {@link #status}. */
    public synchronized Map<String, Object> rebuild() {
        StreamingEventProcessor processor = processor();
        // Every worker must be gone before the reset: a worker still stopping stores its old token on the way out
        // and would undo the reset, so the dropped read models would be refilled from the middle.
        try {
            processor.shutdownAsync().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the projection did not stop within a minute; nothing was reset", e);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        try {
            processor.resetTokens();
        } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException claimedElsewhere) {
            // Another query node works a segment: nothing was reset (the read models are only dropped once every
            // segment is claimed). Go on projecting here instead of staying stopped, and say why.
            processor.start();
            throw th.pmqa.studio.query.web.Problems.of(org.springframework.http.HttpStatus.CONFLICT,
                    "projection-claimed-elsewhere", null,
                    "Another query node works a segment of the projection, so nothing was reset. Stop the other "
                    + "query nodes (a rebuild needs every segment's claim), then rebuild again.");
        } catch (RuntimeException failed) {
            processor.start(); // whatever went wrong, this node's projection must not stay stopped
            throw failed;
        }
        rebuild = new Rebuild(Instant.now(), 0, engine.headPosition());
        rebuildFinishedAt = null;
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
