package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the summary of a sub-criterion. */
public record WriteCriterionSummaryCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, String text,
                                           long baseRevision, Author author) {
}
