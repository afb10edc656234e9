package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;

/** Replaces the Result (R) part of a sub-criterion at one level. */
public record DraftResultCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                   String text, long baseRevision, Author author) {
}
