package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;

/** Self-assesses a sub-criterion with a score inside the band of the named level. */
public record RateLevelCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level, int score,
                               String rationale, Author author) {
}
