package th.pmqa.studio.query.projection;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.ReportViewBuilder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import th.pmqa.studio.query.view.DashboardRow;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.report.AssessmentEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the three read models from one fold. The processor hands events over in batches; states are kept for the
 * batch and written once at its end, in an order that keeps the read models consistent through crashes and replays:
 * change log entries first (idempotent by position), then dashboard rows, then the report views. A report view's
 * position is the checkpoint: an event at or below it was fully applied already and is skipped.
 */
@Component
@ProcessingGroup(AssessmentProjector.PROCESSING_GROUP)
public class AssessmentProjector {

    public static final String PROCESSING_GROUP = "assessment-projection";
    private static final String BATCH = AssessmentProjector.class.getName() + ".batch";

    private final ReportViewStore reports;
    private final ChangeLogStore changes;
    private final DashboardStore dashboard;
    private final th.pmqa.studio.query.store.ReportCheckpointStore timeTravelCheckpoints;

    public AssessmentProjector(ReportViewStore reports, ChangeLogStore changes, DashboardStore dashboard,
                               th.pmqa.studio.query.store.ReportCheckpointStore timeTravelCheckpoints) {
        this.reports = reports;
        this.changes = changes;
        this.dashboard = dashboard;
        this.timeTravelCheckpoints = timeTravelCheckpoints;
    }

    /** What one batch changed, written when the batch commits. */
    private final class Batch {
        final Map<String, ReportState> states = new LinkedHashMap<>();
        /** The newest dashboard row per assessment in this batch: the one computed with its last change. */
        final Map<String, DashboardRow> rows = new LinkedHashMap<>();
        final List<ChangeLogStore.PendingChange> changeLog = new ArrayList<>();

        boolean dirty;

        void flush() {
            if (!dirty) {
                return;
            }
            changes.saveAll(changeLog);
            dashboard.saveAll(rows.values());
            reports.saveAll(states.values());
            changeLog.clear();
            dirty = false;
        }
    }

    @EventHandler
    public void on(AssessmentEvent event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("no global position"));
        Batch batch = batch();
        String id = event.assessmentId().value();
        ReportState state = batch.states.computeIfAbsent(id, k -> reports.load(k).orElseGet(ReportState::new));
        if (state.position >= position) {
            return;
        }
        if (state.assessmentId == null && !(event instanceof th.pmqa.studio.report.AssessmentOpenedEvent)) {
            // Only an opened assessment has a report; a later event without one means the view was lost.
            throw new IllegalStateException("no report view for " + id + " before position " + position
                                            + " (" + event.getClass().getSimpleName() + ")");
        }
        // described (diffed) here, once: the change log stores the entry with its diff for history, feed and live
        ChangeEntry change = ChangeDescriber.describe(state, event, position);
        DashboardRow row = DashboardRow.of(state);
        batch.rows.put(id, row);
        batch.changeLog.add(new ChangeLogStore.PendingChange(change, ReportViewBuilder.section(state, change.section()), row));
        batch.dirty = true;
        // Write at the batch's last message, not in a prepare-commit hook: the processor stores its token in a
        // prepare-commit hook registered before ours, and a crash between the two would skip the batch for good.
        if (CurrentUnitOfWork.get() instanceof org.axonframework.messaging.unitofwork.BatchingUnitOfWork<?> unit
            && unit.isLastMessage()) {
            batch.flush();
        }
    }

    /**
     * Comment threads share this processor ({@code CommentProjector} writes them) but change no report. When one
     * ends a batch, the batch's report changes are written here, still before the processor stores its token.
     */
    @EventHandler
    public void on(th.pmqa.studio.comment.CommentThreadEvent event) {
        if (CurrentUnitOfWork.isStarted()
            && CurrentUnitOfWork.get() instanceof org.axonframework.messaging.unitofwork.BatchingUnitOfWork<?> unit
            && unit.isLastMessage()
            && unit.root().getResource(BATCH) instanceof Batch batch) {
            batch.flush();
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the projector runs inside a processor's unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.flush()); // a batch whose last message was not ours
            return batch;
        });
    }

    @ResetHandler
    public void reset() {
        dashboard.drop();
        changes.drop();
        reports.drop();
        // a rebuild is what follows a change of the fold: time travel's stored checkpoints start afresh with it
        timeTravelCheckpoints.drop();
    }
}
