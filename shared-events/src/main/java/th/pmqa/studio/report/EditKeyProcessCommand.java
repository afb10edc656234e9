package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a key process's profile; {@code baseRevision} is its revision the edit started from. */
public record EditKeyProcessCommand(@TargetAggregateIdentifier AssessmentId assessmentId, KeyProcessId processId,
                                    KeyProcess process, long baseRevision, Author author) {
}
