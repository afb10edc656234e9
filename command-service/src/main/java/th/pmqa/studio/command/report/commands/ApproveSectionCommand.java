package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Section;

/** A lead accepts a section that is ready for review; it then refuses edits until reopened. */
public record ApproveSectionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                    Author author) {
}
