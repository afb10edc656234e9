package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/** Makes a submitted report editable again, saying why. */
public record ReopenAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String reason, Author author) {
}
