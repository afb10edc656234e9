package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Section;

/** The writers consider a section done and ask for its review. */
public record MarkSectionReadyCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                      Author author) {
}
