package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.AssessmentStatus;

/** What a live update of the assessment as a whole carries: status, scores, submission window and review progress. */
public record AssessmentSectionView(String section, AssessmentStatus status, OverallScoreView score,
                                    EstimatedScoreView estimatedScore,
                                    @Schema(types = {"object", "null"}) SubmissionWindowView submissionWindow,
                                    ReviewProgress workflow) {
}
