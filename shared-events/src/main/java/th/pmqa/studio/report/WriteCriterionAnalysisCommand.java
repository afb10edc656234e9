package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces the Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม": what the criterion and its questions
 * ask of this organization), the team's first text on it.
 */
public record WriteCriterionAnalysisCommand(@TargetAggregateIdentifier AssessmentId assessmentId,
                                            CriterionId criterion, String text, long baseRevision, Author author) {
}
