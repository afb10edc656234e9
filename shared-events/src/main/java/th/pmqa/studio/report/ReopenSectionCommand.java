package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lead sends a section that is ready or approved back to drafting, saying why. */
public record ReopenSectionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Section section,
                                   String reason, Author author) {
}
