package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

/** Replaces the summary of a sub-criterion. */
public record WriteCriterionSummaryCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, String text,
                                           long baseRevision, Author author) {
}
