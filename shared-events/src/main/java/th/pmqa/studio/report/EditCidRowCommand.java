package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a C-I-D row's content; {@code baseRevision} is the row's revision the edit started from. */
public record EditCidRowCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                CidRowId rowId, CidRow row, long baseRevision, Author author) {
}
