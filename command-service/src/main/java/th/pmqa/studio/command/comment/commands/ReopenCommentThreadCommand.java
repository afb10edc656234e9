package th.pmqa.studio.command.comment.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/** Opens a resolved thread again, so that it can be replied to. */
public record ReopenCommentThreadCommand(@TargetAggregateIdentifier ThreadId threadId, AssessmentId assessmentId,
                                         Author author) {
}
