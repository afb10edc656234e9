package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a row from a sub-criterion's C-I-D worksheet. */
public record RemoveCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                  CidRowId rowId, Author author) {
}
