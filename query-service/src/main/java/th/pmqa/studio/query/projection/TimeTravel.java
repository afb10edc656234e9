package th.pmqa.studio.query.projection;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.eventstore.EventStoreReads;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.query.model.ReportState;
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
 */
@Component
public class TimeTravel {

    static final int CHECKPOINT_EVERY = 500;
    private static final int ASSESSMENTS_CACHED = 256;
    static final long DEFAULT_CHECKPOINT_BYTES = 128L << 20;

    private final EventStoreReads engine;
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

    @org.springframework.beans.factory.annotation.Autowired
    public TimeTravel(EventStoreReads engine,
                      @org.springframework.beans.factory.annotation.Value("${studio.time-travel.checkpoint-bytes:134217728}")
                      long checkpointBudget) {
        this.engine = engine;
        this.checkpointBudget = checkpointBudget;
    }

    /** The state right after the last change of the assessment at or before {@code position}; empty if none. */
    public Optional<ReportState> atPosition(String assessmentId, long position) {
        Map.Entry<Long, String> checkpoint;
        synchronized (checkpoints) {
            NavigableMap<Long, String> ofAssessment = checkpoints.get(assessmentId);
            checkpoint = ofAssessment == null ? null : ofAssessment.floorEntry(position);
        }
        ReportState state = checkpoint == null ? new ReportState() : ReportJson.read(checkpoint.getValue(), ReportState.class);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readAggregateBetween(assessmentId, state.position, position)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> message = it.next();
                if (message.getPayload() instanceof AssessmentEvent event) {
                    ReportFold.evolve(state, event, message.trackingToken().position().orElseThrow());
                    if (state.eventCount % CHECKPOINT_EVERY == 0) {
                        remember(assessmentId, state);
                    }
                }
            }
        }
        return state.assessmentId == null ? Optional.empty() : Optional.of(state);
    }

    /** The state right after the last change made at or before {@code instant}; empty if it did not exist yet. */
    public Optional<ReportState> atInstant(String assessmentId, Instant instant) {
        return engine.positionAt(assessmentId, instant).flatMap(p -> atPosition(assessmentId, p));
    }

    public Optional<ReportState> latest(String assessmentId) {
        return atPosition(assessmentId, Long.MAX_VALUE);
    }

    private void remember(String assessmentId, ReportState state) {
        String json = ReportJson.write(state);
        synchronized (checkpoints) {
            String replaced = checkpoints.computeIfAbsent(assessmentId, k -> new TreeMap<>()).put(state.position, json);
            checkpointBytes += bytes(json) - (replaced == null ? 0 : bytes(replaced));
            keepWithinBudget(assessmentId);
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

    private static long bytes(NavigableMap<Long, String> ofAssessment) {
        return ofAssessment.values().stream().mapToLong(TimeTravel::bytes).sum();
    }

    /** What the checkpoints hold now, as counted against the budget. */
    long checkpointBytes() {
        synchronized (checkpoints) {
            return checkpointBytes;
        }
    }
}
