package th.pmqa.studio.command.comment.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/** A reply in a thread; {@code assessmentId} is the one the request named, which the thread must belong to. */
public record AddCommentCommand(@TargetAggregateIdentifier ThreadId threadId, AssessmentId assessmentId,
                                CommentId commentId, String text, Author author) {
}
