package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

/** Self-assesses a sub-criterion with a score inside the band of the named level. */
public record RateLevelCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level, int score,
                               String rationale, Author author) {
}
