package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessId;

/** Adds a key process to the assessment's list. */
public record AddKeyProcessCommand(@TargetAggregateIdentifier AssessmentId assessmentId, KeyProcessId processId,
                                   KeyProcess process, Author author) {
}
