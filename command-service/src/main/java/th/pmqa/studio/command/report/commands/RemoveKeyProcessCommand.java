package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.KeyProcessId;

/** Removes a key process; the sub-criteria that linked to it no longer do. */
public record RemoveKeyProcessCommand(@TargetAggregateIdentifier AssessmentId assessmentId, KeyProcessId processId,
                                      Author author) {
}
