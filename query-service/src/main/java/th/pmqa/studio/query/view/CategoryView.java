package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A category (หมวด 1–6) with its sub-criteria, its score and how much of it is written. */
@Schema(name = "ReportCategory")
public record CategoryView(int number, String title, List<String> relatedResultDimensions, ScoreView score,
                           CategoryCompletenessView completeness, List<SubCriterionView> criteria) {
}
