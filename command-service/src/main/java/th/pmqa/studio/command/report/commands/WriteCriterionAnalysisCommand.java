package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

/**
 * Replaces the Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม": what the criterion and its questions
 * ask of this organization), the team's first text on it.
 */
public record WriteCriterionAnalysisCommand(@TargetAggregateIdentifier AssessmentId assessmentId,
                                            CriterionId criterion, String text, long baseRevision, Author author) {
}
