package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The writers consider a section done and ask for its review. */
public record MarkSectionReadyCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                      Author author) {
}
