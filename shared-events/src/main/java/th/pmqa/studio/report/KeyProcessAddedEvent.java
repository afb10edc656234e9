package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A key process was added to the assessment's list; it starts at {@code revision} 1. */
@Revision("1")
public record KeyProcessAddedEvent(AssessmentId assessmentId, KeyProcessId processId, KeyProcess process,
                                   long revision, Author author, Instant at) implements KeyProcessEvent {
}
