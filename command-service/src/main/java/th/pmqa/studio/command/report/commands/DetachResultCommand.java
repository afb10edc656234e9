package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ResultId;

/** Removes an attached result from the level it was attached to. */
public record DetachResultCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                  ResultId resultId, Author author) {
}
