package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** A facilitator moves the window's close later, saying why. */
public record ExtendSubmissionWindowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Instant closesAt,
                                            String reason, Author author) {
}
