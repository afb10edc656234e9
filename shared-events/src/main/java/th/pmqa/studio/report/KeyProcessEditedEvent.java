package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The full new profile of a key process and the revision it now has; {@code merge} says how it came about when its
 * writer started from an older revision (null otherwise).
 */
@Revision("1")
public record KeyProcessEditedEvent(AssessmentId assessmentId, KeyProcessId processId, KeyProcess process,
                                    long revision, Author author, Instant at, Merge merge) implements KeyProcessEvent {
}
