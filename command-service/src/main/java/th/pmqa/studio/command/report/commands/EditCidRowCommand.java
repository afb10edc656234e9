package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CriterionId;

/** Replaces a C-I-D row's content; {@code baseRevision} is the row's revision the edit started from. */
public record EditCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                CidRowId rowId, CidRow row, long baseRevision, Author author) {
}
