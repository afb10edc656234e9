package th.pmqa.studio.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.eventstore.EventStoreReads;

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

    /** How far behind the head a segment's lag is still counted event by event. */
    static final int LAG_WINDOW = 10_000;

    private final EventProcessingConfiguration processing;
    private final EventStoreReads engine;
    private final com.mongodb.client.MongoCollection<org.bson.Document> tokens;
    private final org.axonframework.serialization.Serializer serializer;
    private final StoredPositionsMemo storedAfter;
    private volatile Rebuild rebuild;
    /** When a status request first saw the last rebuild done: the rate is measured up to there. */
    private volatile Instant rebuildFinishedAt;

    public ProjectionStatus(EventProcessingConfiguration processing, EventStoreReads engine,
                            com.mongodb.client.MongoDatabase database, org.axonframework.serialization.Serializer serializer) {
        this.processing = processing;
        this.engine = engine;
        // the Mongo token store's collection: every node's segments, not only the ones claimed here
        this.tokens = database.getCollection("trackingtokens");
        this.serializer = serializer;
        this.storedAfter = new StoredPositionsMemo(engine);
    }

    /** Per segment (by id), the stored token: what survives a crash, whichever node owns the segment. */
    private java.util.SortedMap<Integer, org.axonframework.eventhandling.TrackingToken> storedTokens() {
        java.util.SortedMap<Integer, org.axonframework.eventhandling.TrackingToken> stored = new java.util.TreeMap<>();
        for (org.bson.Document doc : tokens.find(com.mongodb.client.model.Filters.eq("processorName",
                                                                                    AssessmentProjector.PROCESSING_GROUP))) {
            Object raw = doc.get("token");
            byte[] bytes = raw instanceof org.bson.types.Binary binary ? binary.getData()
                           : raw instanceof byte[] array ? array
                           : raw instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
            stored.put(doc.getInteger("segment", stored.size()),
                       bytes == null || doc.getString("tokenType") == null ? null
                       : serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                               bytes, byte[].class, doc.getString("tokenType"), null)));
        }
        return stored;
    }

    /**
     * Each stored segment's standing, its lag counted from the store's head: a segment whose worker is stuck in a
     * batch, or retrying a failed event, falls behind here while its own in-memory status still reads "caught up".
     */
    private java.util.List<SegmentStanding> standings(java.util.SortedMap<Integer, org.axonframework.eventhandling.TrackingToken> stored,
                                                      long head, Map<Integer, org.axonframework.eventhandling.EventTrackerStatus> local) {
        java.util.List<SegmentStanding> standings = new java.util.ArrayList<>();
        for (Backlog backlog : backlogs(stored, head)) {
            var status = local.get(backlog.segment());
            String error = status != null && status.isErrorState() && status.getError() != null
                           ? status.getError().getClass().getSimpleName() + ": " + status.getError().getMessage() : null;
            standings.add(new SegmentStanding(backlog.segment(), backlog.position(), backlog.lag(), backlog.exact(),
                                              status != null, error));
        }
        return standings;
    }

    /**
     * What each stored segment has yet to project: how many events, and when the oldest of them was written
     * ({@code null} when none is pending; further behind than {@link #LAG_WINDOW}, when the first event after its
     * position was written).
     */
    record Backlog(int segment, long position, long lag, boolean exact, Instant oldestPendingStoredAt) {
    }

    /** Every segment's backlog, whichever node works it: what the projection lag meters show. */
    public java.util.List<Backlog> backlogs() {
        return backlogs(storedTokens(), engine.headPosition());
    }

    private java.util.List<Backlog> backlogs(java.util.SortedMap<Integer, org.axonframework.eventhandling.TrackingToken> stored,
                                             long head) {
        int[] ids = stored.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Long> positions = new LinkedHashMap<>();
        stored.forEach((id, token) -> positions.put(id, token == null ? 0 : token.position().orElse(0)));
        // Count event by event only for segments within LAG_WINDOW of the head; further behind (a rebuild, a long
        // outage), the distance to the head says enough and counting would cost a read of the whole range.
        long from = positions.values().stream().filter(p -> head - p <= LAG_WINDOW).mapToLong(Long::longValue)
                             .min().orElse(head);
        java.util.List<th.pmqa.studio.infra.eventstore.StoredPosition> after = storedAfter.storedAfter(from, LAG_WINDOW, head);
        java.util.List<Backlog> backlogs = new java.util.ArrayList<>();
        for (int id : ids) {
            long position = positions.get(id);
            boolean exact = head - position <= LAG_WINDOW;
            org.axonframework.eventhandling.Segment segment = org.axonframework.eventhandling.Segment.computeSegment(id, ids);
            java.util.List<th.pmqa.studio.infra.eventstore.StoredPosition> pending = exact
                    ? after.stream().filter(e -> e.position() > position && segment.matches(e.aggregateIdentifier())).toList()
                    : java.util.List.of();
            long lag = exact ? pending.size() : head - position;
            // far behind, the first event after its position (of whichever segment) was stored no later than the
            // segment's own first pending one: its age bounds the segment's from above, for one short read
            Instant oldest = exact ? (pending.isEmpty() ? null : pending.get(0).storedAt())
                    : storedAfter.firstAfter(position)
                            .map(th.pmqa.studio.infra.eventstore.StoredPosition::storedAt).orElse(null);
            backlogs.add(new Backlog(id, position, lag, exact, oldest));
        }
        return backlogs;
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

    private static long lowestPosition(java.util.SortedMap<Integer, org.axonframework.eventhandling.TrackingToken> stored) {
        return stored.values().stream().mapToLong(t -> t == null ? 0 : t.position().orElse(0)).min().orElse(0);
    }

    public Map<String, Object> status() {
        StreamingEventProcessor processor = processor();
        long head = engine.headPosition();
        var stored = storedTokens();
        long position = lowestPosition(stored);
        var local = processor.processingStatus();
        java.util.List<SegmentStanding> segments = standings(stored, head, local);
        long lag = segments.isEmpty() ? head : segments.stream().mapToLong(SegmentStanding::lag).sum();
        boolean failing = segments.stream().anyMatch(segment -> segment.error() != null);
        // Caught up: every segment, on whichever node, has stored every event of its share.
        boolean caughtUp = !segments.isEmpty() && lag == 0 && !failing;
        boolean replaying = !caughtUp && stored.values().stream().anyMatch(t -> t instanceof org.axonframework.eventhandling.ReplayToken);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("processor", processor.getName());
        status.put("running", processor.isRunning());
        status.put("segments", stored.size());
        status.put("segmentsClaimedHere", local.size());
        status.put("position", position);
        status.put("head", head);
        status.put("caughtUp", caughtUp);
        status.put("lag", lag);
        status.put("failing", failing);
        status.put("rebuilding", replaying);
        status.put("segmentStandings", segments);
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
            // From before the first position, given explicitly: with no token stored yet (nothing ever projected)
            // Axon would store a null start token, which the Mongo token store cannot store (a 500 on a fresh store).
            processor.resetTokens(org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(0, java.util.List.of()));
        } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException claimedElsewhere) {
            // Another query node works a segment: nothing was reset (the read models are only dropped once every
            // segment is claimed). Go on projecting here instead of staying stopped, and say why.
            processor.start();
            throw new ProjectionClaimedElsewhere(
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
            Map<String, Object> status = status();
            // a segment retrying a failed event projects nothing until it succeeds: reads go stale, say so
            return (Boolean.TRUE.equals(status.get("failing")) ? Health.down() : Health.up()).withDetails(status).build();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", e.getMessage()).build();
        }
    }
}
