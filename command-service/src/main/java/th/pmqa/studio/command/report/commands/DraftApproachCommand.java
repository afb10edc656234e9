package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;

/** Replaces the Approach (A) part of a sub-criterion at one level. */
public record DraftApproachCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                   String text, long baseRevision, Author author) {
}
