package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sets when the report may be edited and submitted: from {@code opensAt} until {@code closesAt}. */
public record SetSubmissionWindowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, Instant opensAt,
                                         Instant closesAt, Author author) {
}
