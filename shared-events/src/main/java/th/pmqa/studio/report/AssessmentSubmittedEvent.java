package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The report was handed in; it refuses edits until reopened. */
@Revision("1")
public record AssessmentSubmittedEvent(AssessmentId assessmentId, Author author, Instant at) implements AssessmentEvent {
}
