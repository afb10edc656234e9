package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;

/** Replaces the Approach (A) part of a sub-criterion at one level. */
public record DraftApproachCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                   String text, long baseRevision, Author author) {
}
