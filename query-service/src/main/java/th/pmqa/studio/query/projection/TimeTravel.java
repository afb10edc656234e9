package th.pmqa.studio.query.projection;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.eventstore.EventStoreReads;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportCheckpointStore;
import th.pmqa.studio.report.AssessmentEvent;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A report as it was at a global position or an instant, rebuilt from the event store rather than from a read
 * model. Every {@value #CHECKPOINT_EVERY} events of an assessment the folded state is kept as a checkpoint (events
 * never change, so checkpoints never go stale): a request then folds at most that many events on top of the nearest
 * one below it.
 * <p>
 * Memory stays bounded however large the assessment: the events come from a cursor a page at a time as the fold
 * consumes them (a thousand 50 KB texts are more than one reply, or a list, should hold), and the checkpoints of all
 * assessments together are kept within a budget: the least recently used assessments go first, and an assessment
 * that alone exceeds it keeps every other checkpoint, trading a longer fold per request for memory.
 * <p>
 * Checkpoints are also stored ({@link ReportCheckpointStore}) when a fold computes one this node did not hold, a
 * request's in one bulk at its end (so the first fold of a long assessment pays a few round trips, not one per
 * checkpoint); a node that holds none for an assessment (just started, or dropped by the budget) reads the nearest
 * stored one instead of folding from the start. Written here rather than by the projector: the projector's batches
 * and a rebuild stay as fast as they were, and only assessments someone travels in pay for checkpoints.
 */
@Component
public class TimeTravel {

    static final int CHECKPOINT_EVERY = 500;
    private static final int ASSESSMENTS_CACHED = 256;
    public static final long DEFAULT_CHECKPOINT_BYTES = 128L << 20;
    /** A long fold stores its new checkpoints whenever they hold this much, not all at its end. */
    private static final long PERSIST_BATCH_BYTES = 32L << 20;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TimeTravel.class);

    private final EventStoreReads engine;
    /** Null when checkpoints live in memory only (benchmarks and tests of the memory budget). */
    private final ReportCheckpointStore persisted;
    private final long checkpointBudget;
    /** What the checkpoints hold, two bytes per character of their JSON; guarded by {@link #checkpoints}. */
    private long checkpointBytes;
    /** assessment → (position → state JSON); least recently used assessments are dropped first. */
    private final Map<String, NavigableMap<Long, String>> checkpoints =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<Long, String>> eldest) {
                    if (size() <= ASSESSMENTS_CACHED) {
                        return false;
                    }
                    checkpointBytes -= bytes(eldest.getValue());
                    return true;
                }
            };

    public TimeTravel(EventStoreReads engine) {
        this(engine, DEFAULT_CHECKPOINT_BYTES);
    }

    public TimeTravel(EventStoreReads engine, long checkpointBudget) {
        this(engine, checkpointBudget, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TimeTravel(EventStoreReads engine,
                      @org.springframework.beans.factory.annotation.Value("${studio.time-travel.checkpoint-bytes:134217728}")
                      long checkpointBudget, ReportCheckpointStore persisted) {
        this.engine = engine;
        this.checkpointBudget = checkpointBudget;
        this.persisted = persisted;
    }

    /** The state right after the last change of the assessment at or before {@code position}; empty if none. */
    public Optional<ReportState> atPosition(String assessmentId, long position) {
        Map.Entry<Long, String> checkpoint;
        synchronized (checkpoints) {
            NavigableMap<Long, String> ofAssessment = checkpoints.get(assessmentId);
            checkpoint = ofAssessment == null ? null : ofAssessment.floorEntry(position);
        }
        if (checkpoint == null && persisted != null) {
            checkpoint = persisted.floor(assessmentId, position).orElse(null);
            if (checkpoint != null) {
                remember(assessmentId, checkpoint.getKey(), checkpoint.getValue());
            }
        }
        Map<Long, String> computed = new TreeMap<>();
        ReportState state = checkpoint == null ? new ReportState() : ReportJson.read(checkpoint.getValue(), ReportState.class);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readAggregateBetween(assessmentId, state.position, position)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> message = it.next();
                if (message.getPayload() instanceof AssessmentEvent event) {
                    ReportFold.evolve(state, event, message.trackingToken().position().orElseThrow());
                    if (state.eventCount % CHECKPOINT_EVERY == 0) {
                        String json = ReportJson.write(state);
                        if (remember(assessmentId, state.position, json)) {
                            computed.put(state.position, json);
                            if (bytes(computed) > PERSIST_BATCH_BYTES) { // held until stored: bounded like the rest
                                persist(assessmentId, computed);
                                computed.clear();
                            }
                        }
                    }
                }
            }
        }
        persist(assessmentId, computed);
        return state.assessmentId == null ? Optional.empty() : Optional.of(state);
    }

    /** The state right after the last change made at or before {@code instant}; empty if it did not exist yet. */
    public Optional<ReportState> atInstant(String assessmentId, Instant instant) {
        return engine.positionAt(assessmentId, instant).flatMap(p -> atPosition(assessmentId, p));
    }

    public Optional<ReportState> latest(String assessmentId) {
        return atPosition(assessmentId, Long.MAX_VALUE);
    }

    /** Keeps a checkpoint in memory; whether this node did not hold it already. */
    private boolean remember(String assessmentId, long position, String json) {
        synchronized (checkpoints) {
            String replaced = checkpoints.computeIfAbsent(assessmentId, k -> new TreeMap<>()).put(position, json);
            checkpointBytes += bytes(json) - (replaced == null ? 0 : bytes(replaced));
            keepWithinBudget(assessmentId);
            return replaced == null;
        }
    }

    /** Checkpoints only save time: a failure to store them is logged, the report is still answered. */
    private void persist(String assessmentId, Map<Long, String> computed) {
        if (persisted == null || computed.isEmpty()) {
            return;
        }
        try {
            persisted.saveAll(assessmentId, computed);
        } catch (RuntimeException e) {
            log.warn("could not store {} time-travel checkpoint(s) of {}: {}", computed.size(), assessmentId, e.toString());
        }
    }

    /** Drops the least recently used assessments' checkpoints, then every other one of {@code current}'s. */
    private void keepWithinBudget(String current) {
        Iterator<Map.Entry<String, NavigableMap<Long, String>>> leastRecentFirst = checkpoints.entrySet().iterator();
        while (checkpointBytes > checkpointBudget && leastRecentFirst.hasNext()) {
            Map.Entry<String, NavigableMap<Long, String>> entry = leastRecentFirst.next();
            if (!entry.getKey().equals(current)) {
                checkpointBytes -= bytes(entry.getValue());
                leastRecentFirst.remove();
            }
        }
        NavigableMap<Long, String> own = checkpoints.get(current);
        while (checkpointBytes > checkpointBudget && !own.isEmpty()) {
            // every other one, the newest last to go: requests near the end (the common ones) stay cheapest
            Iterator<String> thinned = own.descendingMap().values().iterator();
            boolean drop = own.size() == 1;
            while (thinned.hasNext()) {
                String json = thinned.next();
                if (drop) {
                    checkpointBytes -= bytes(json);
                    thinned.remove();
                }
                drop = !drop;
            }
        }
    }

    private static long bytes(String json) {
        return 2L * json.length();
    }

    private static long bytes(Map<Long, String> ofAssessment) {
        return ofAssessment.values().stream().mapToLong(TimeTravel::bytes).sum();
    }

    /** What the checkpoints hold now, as counted against the budget. */
    long checkpointBytes() {
        synchronized (checkpoints) {
            return checkpointBytes;
        }
    }
}
