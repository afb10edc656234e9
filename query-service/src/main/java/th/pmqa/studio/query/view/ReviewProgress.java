package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How far the review of one report has come: of its sections (the Organizational Profile and each sub-criterion),
 * how many are approved, ready for review, or still being drafted. Submitting needs every section approved, so
 * {@code approved == sections} is what a lead and a facilitator watch for. {@code changedSinceReady}: sections ready
 * for review whose content changed after they were marked ready (counted among {@code readyForReview} too).
 */
@Schema(name = "ReviewProgress")
public record ReviewProgress(int sections, int approved, int readyForReview, int drafting, int changedSinceReady) {

    public boolean allApproved() {
        return sections > 0 && approved == sections;
    }
}
