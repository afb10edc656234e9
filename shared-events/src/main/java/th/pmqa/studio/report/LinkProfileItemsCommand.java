package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets the OP items a sub-criterion refers to (replacing the previous list). */
public record LinkProfileItemsCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                      List<Integer> profileItems, Author author) {
}
