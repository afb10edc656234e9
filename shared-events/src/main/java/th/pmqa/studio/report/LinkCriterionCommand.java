package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets both link lists of a sub-criterion at once, so that a bad second list does not store the first; {@code null} leaves a list as it is. */
public record LinkCriterionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                   List<Integer> profileItems, List<String> indicatorGroups, Author author) {
}
