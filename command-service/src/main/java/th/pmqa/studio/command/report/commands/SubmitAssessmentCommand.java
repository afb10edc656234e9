package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/**
 * Hands the report in; from then on it refuses edits until reopened. Every section must be approved, unless the lead
 * overrides with a reason ({@code overrideReason}, null when not overriding), which is recorded.
 */
public record SubmitAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String overrideReason,
                                      Author author) {

    public SubmitAssessmentCommand(AssessmentId assessmentId, Author author) {
        this(assessmentId, null, author);
    }
}
