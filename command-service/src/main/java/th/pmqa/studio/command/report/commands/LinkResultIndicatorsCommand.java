package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

import java.util.List;

/** Sets the category 7 indicator groups (e.g. {@code 7.1.1}) a sub-criterion reports results in. */
public record LinkResultIndicatorsCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                          List<String> indicatorGroups, Author author) {
}
