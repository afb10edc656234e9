package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces the free-text answer to one OP question (the whole question, besides the texts of its items);
 * {@code baseRevision} is the revision the writer started from.
 */
public record AnswerProfileQuestionCommand(@TargetAggregateIdentifier AssessmentId assessmentId,
                                           ProfileQuestionNumber question, String text, long baseRevision,
                                           Author author) {
}
