package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Section;

/** A lead sends a section that is ready or approved back to drafting, saying why. */
public record ReopenSectionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                   String reason, Author author) {
}
