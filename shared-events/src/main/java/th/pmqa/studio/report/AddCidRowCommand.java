package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a row to a sub-criterion's C-I-D worksheet. */
public record AddCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                               CidRowId rowId, CidRow row, Author author) {
}
