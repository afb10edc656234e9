package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a key process to the assessment's list. */
public record AddKeyProcessCommand(@TargetAggregateIdentifier AssessmentId assessmentId, KeyProcessId processId,
                                   KeyProcess process, Author author) {
}
