package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the text of one OP item; {@code baseRevision} is the revision the writer started from. */
public record DraftProfileItemCommand(@TargetAggregateIdentifier AssessmentId assessmentId, int item, String text, long baseRevision,
                                      Author author) {
}
