package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** Sets when the report may be edited and submitted: from {@code opensAt} until {@code closesAt}. */
public record SetSubmissionWindowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Instant opensAt,
                                         Instant closesAt, Author author) {
}
