package th.pmqa.studio.query.report;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.Catalog;

/**
 * How far the review of one report has come: of its sections (the Organizational Profile and each sub-criterion),
 * how many are approved, ready for review, or still being drafted. Submitting needs every section approved, so
 * {@code approved == sections} is what a lead and a facilitator watch for. {@code changedSinceReady}: sections ready
 * for review whose content changed after they were marked ready (counted among {@code readyForReview} too).
 */
@Schema(name = "ReviewProgress")
public record ReviewProgress(int sections, int approved, int readyForReview, int drafting, int changedSinceReady) {

    public static ReviewProgress of(ReportState state, Catalog catalog) {
        int total = catalog.criteria().size() + 1;
        int approved = (int) state.workflow.values().stream().filter("APPROVED"::equals).count();
        int ready = (int) state.workflow.values().stream().filter("READY_FOR_REVIEW"::equals).count();
        return new ReviewProgress(total, approved, ready, total - approved - ready, state.changedSinceReady.size());
    }

    public boolean allApproved() {
        return sections > 0 && approved == sections;
    }
}
