package th.pmqa.studio.command.comment.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

/**
 * Starts a discussion on one section of an assessment with its first comment.
 *
 * @param section        {@code profile/<item>}, {@code criteria/<id>/<level>/<part>} or {@code criteria/<id>/summary}
 * @param catalogVersion the assessment's catalog, which the section must exist in
 */
public record StartCommentThreadCommand(@TargetAggregateIdentifier ThreadId threadId, AssessmentId assessmentId,
                                        String catalogVersion, String section, CommentId commentId, String text,
                                        Author author) {
}
