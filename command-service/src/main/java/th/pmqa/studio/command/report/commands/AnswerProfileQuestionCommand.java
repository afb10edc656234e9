package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.ProfileQuestionNumber;

/**
 * Replaces the free-text answer to one OP question (the whole question, besides the texts of its items);
 * {@code baseRevision} is the revision the writer started from.
 */
public record AnswerProfileQuestionCommand(@TargetAggregateIdentifier AssessmentId assessmentId,
                                           ProfileQuestionNumber question, String text, long baseRevision,
                                           Author author) {
}
