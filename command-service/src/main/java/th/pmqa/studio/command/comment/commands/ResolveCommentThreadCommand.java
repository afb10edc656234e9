package th.pmqa.studio.command.comment.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/** Marks a thread as settled. */
public record ResolveCommentThreadCommand(@TargetAggregateIdentifier ThreadId threadId, AssessmentId assessmentId,
                                          Author author) {
}
