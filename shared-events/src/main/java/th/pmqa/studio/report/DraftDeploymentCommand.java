package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;

/** Replaces the Deploy (D) part of a sub-criterion at one level. */
public record DraftDeploymentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                   String text, long baseRevision, Author author) {
}
