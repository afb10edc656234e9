package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

import java.util.List;

/** Sets the OP items a sub-criterion refers to (replacing the previous list). */
public record LinkProfileItemsCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                      List<Integer> profileItems, Author author) {
}
