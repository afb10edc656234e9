package th.pmqa.studio.query.timetravel;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.query.report.ReportFold;
import th.pmqa.studio.query.report.ReportJson;
import th.pmqa.studio.query.report.ReportState;
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
 */
@Component
public class TimeTravel {

    static final int CHECKPOINT_EVERY = 500;
    private static final int ASSESSMENTS_CACHED = 256;

    private final MongoEventStorageEngine engine;
    /** assessment → (position → state JSON); least recently used assessments are dropped first. */
    private final Map<String, NavigableMap<Long, String>> checkpoints =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<Long, String>> eldest) {
                    return size() > ASSESSMENTS_CACHED;
                }
            };

    public TimeTravel(MongoEventStorageEngine engine) {
        this.engine = engine;
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
            checkpoints.computeIfAbsent(assessmentId, k -> new TreeMap<>()).put(state.position, json);
        }
    }
}
