package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.EvidenceId;

/** Removes a piece of evidence from the assessment; its bytes are deleted once the removal is stored. */
public record RemoveEvidenceCommand(@TargetAggregateIdentifier AssessmentId assessmentId, EvidenceId evidenceId,
                                    Author author) {
}
