package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a piece of evidence from the assessment; its bytes are deleted once the removal is stored. */
public record RemoveEvidenceCommand(@TargetAggregateIdentifier AssessmentId assessmentId, EvidenceId evidenceId,
                                    Author author) {
}
