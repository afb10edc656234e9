package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hands the report in; from then on it refuses edits until reopened. */
public record SubmitAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Author author) {
}
