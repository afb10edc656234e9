package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessId;

/** Replaces a key process's profile; {@code baseRevision} is its revision the edit started from. */
public record EditKeyProcessCommand(@TargetAggregateIdentifier AssessmentId assessmentId, KeyProcessId processId,
                                    KeyProcess process, long baseRevision, Author author) {
}
