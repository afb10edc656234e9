package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CriterionId;

/** Adds a row to a sub-criterion's C-I-D worksheet. */
public record AddCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                               CidRowId rowId, CidRow row, Author author) {
}
