package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a submitted report editable again, saying why. */
public record ReopenAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String reason, Author author) {
}
