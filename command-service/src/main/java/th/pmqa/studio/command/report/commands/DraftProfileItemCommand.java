package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/** Replaces the text of one OP item; {@code baseRevision} is the revision the writer started from. */
public record DraftProfileItemCommand(@TargetAggregateIdentifier AssessmentId assessmentId, int item, String text, long baseRevision,
                                      Author author) {
}
