package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A facilitator moves the window's close later, saying why. */
public record ExtendSubmissionWindowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Instant closesAt,
                                            String reason, Author author) {
}
