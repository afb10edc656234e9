package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CriterionId;

/** Removes a row from a sub-criterion's C-I-D worksheet. */
public record RemoveCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                  CidRowId rowId, Author author) {
}
