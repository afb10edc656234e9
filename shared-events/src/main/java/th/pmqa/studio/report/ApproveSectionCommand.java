package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lead accepts a section that is ready for review; it then refuses edits until reopened. */
public record ApproveSectionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                    Author author) {
}
