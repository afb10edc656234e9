package th.pmqa.studio.query.report;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import th.pmqa.studio.query.dashboard.DashboardRow;
import th.pmqa.studio.query.dashboard.DashboardStore;
import th.pmqa.studio.query.history.ChangeEntry;
import th.pmqa.studio.query.history.ChangeLogStore;
import th.pmqa.studio.report.AssessmentEvent;

/**
 * Feeds the three read models from one fold, in an order that keeps them consistent through crashes and replays:
 * the dashboard row and the change log first (both idempotent by id and position), the report view last. The report
 * view's position is the checkpoint: an event at or below it was fully applied already and is skipped.
 */
@Component
@ProcessingGroup(AssessmentProjector.PROCESSING_GROUP)
public class AssessmentProjector {

    public static final String PROCESSING_GROUP = "assessment-projection";

    private final ReportViewStore reports;
    private final ChangeLogStore changes;
    private final DashboardStore dashboard;

    public AssessmentProjector(ReportViewStore reports, ChangeLogStore changes, DashboardStore dashboard) {
        this.reports = reports;
        this.changes = changes;
        this.dashboard = dashboard;
    }

    @EventHandler
    public void on(AssessmentEvent event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("no global position"));
        ReportState state = reports.load(event.assessmentId().value()).orElseGet(ReportState::new);
        if (state.position >= position) {
            return;
        }
        ChangeEntry change = ReportFold.apply(state, event, position);
        DashboardRow row = DashboardRow.of(state);
        dashboard.save(row);
        changes.save(change, ReportRenderer.section(state, change.section()), row);
        reports.save(state);
    }

    @ResetHandler
    public void reset() {
        dashboard.drop();
        changes.drop();
        reports.drop();
    }
}
