package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;

/** Removes an attached result from the level it was attached to. */
public record DetachResultCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                  ResultId resultId, Author author) {
}
